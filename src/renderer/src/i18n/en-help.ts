import type { idHelp } from './id-help'

/** English texts of the help centre; the articles themselves are in Indonesian. */
export const enHelp: typeof idHelp = {
  help: {
    title: 'Help',
    intro:
      'Short guides for each task in Loket, written for the screens and buttons you see. The articles are in Indonesian.',
    search: 'Search articles',
    searchPlaceholder: 'e.g. isolir, kasir, backup',
    empty: 'No matching articles',
    emptyHint: 'Try another word, such as the name of a menu or button.',
    found: '{{n}} matching articles',
    back: 'All help articles',
    notFound: 'Article not found',
    notFoundHint: 'This article does not exist or has been renamed.',
    forPage: 'Help for this page',
  },
}
