/// <reference types="vite/client" />
import { inlineText, parseMarkdown, splitFrontMatter } from './markdown'

/**
 * The help centre's articles: every `articles/<slug>.md`, bundled at build time.
 *
 * An article starts with front matter, then Markdown (the subset of markdown.ts):
 *
 *     ---
 *     title: Kasir: menerima pembayaran
 *     summary: Satu kalimat yang tampil di daftar Bantuan.
 *     group: Pekerjaan harian        (one of HELP_GROUPS)
 *     order: 1                       (its place in the group)
 *     ---
 *
 * Write for Loket's own screens: name the menu, tab and button exactly as the app labels them
 * (src/renderer/src/i18n/id-*.ts). Link other articles as `/bantuan/<slug>` and pages by their
 * route (`/customers`); help-links.test.ts checks every such link.
 */
export interface HelpArticle {
  slug: string
  title: string
  summary: string
  group: HelpGroup
  order: number
  body: string
  /** Title, summary and the words of the body, lower case: what the search looks in. */
  searchText: string
}

export const HELP_GROUPS = [
  'Memulai',
  'Pekerjaan harian',
  'Pelanggan & paket',
  'Penagihan & isolir',
  'Jaringan',
  'Laporan & pengawasan',
  'Sistem',
] as const
export type HelpGroup = (typeof HELP_GROUPS)[number]

const files = import.meta.glob<string>('./articles/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
})

function read(path: string, source: string): HelpArticle {
  const slug = path.replace(/^.*\//, '').replace(/\.md$/, '')
  const { meta, body } = splitFrontMatter(source)
  const group = HELP_GROUPS.find((g) => g === meta.group)
  if (!meta.title || !meta.summary || !group) {
    throw new Error(`Help article ${slug}: front matter needs title, summary and a known group`)
  }
  const words = parseMarkdown(body)
    .map((b) =>
      b.kind === 'list'
        ? b.items.map(inlineText).join(' ')
        : b.kind === 'table'
          ? [...b.header, ...b.rows.flat()].map(inlineText).join(' ')
          : inlineText(b.children),
    )
    .join(' ')
  return {
    slug,
    title: meta.title,
    summary: meta.summary,
    group,
    order: Number(meta.order ?? 99),
    body,
    searchText: `${meta.title} ${meta.summary} ${words}`.toLowerCase(),
  }
}

export const HELP_ARTICLES: HelpArticle[] = Object.entries(files)
  .map(([path, source]) => read(path, source))
  .sort(
    (a, b) =>
      HELP_GROUPS.indexOf(a.group) - HELP_GROUPS.indexOf(b.group) ||
      a.order - b.order ||
      a.title.localeCompare(b.title, 'id'),
  )

export function findArticle(slug: string): HelpArticle | undefined {
  return HELP_ARTICLES.find((a) => a.slug === slug)
}

/**
 * Articles holding every word typed (any case), those with the words in the title first;
 * an empty search gives all of them.
 */
export function searchArticles(query: string, articles = HELP_ARTICLES): HelpArticle[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return articles
  const hits = articles.filter((a) => words.every((w) => a.searchText.includes(w)))
  const inTitle = (a: HelpArticle) => words.every((w) => a.title.toLowerCase().includes(w))
  return [...hits.filter(inTitle), ...hits.filter((a) => !inTitle(a))]
}
