/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest'
import routesSource from '../routes/app-routes.tsx?raw'
import { NAV_ITEMS, HELP_NAV_ITEM } from '../shell/nav-items'
import { HELP_ARTICLES, findArticle, searchArticles } from './articles'
import { HELP_FOR_ROUTE, helpPathFor } from './help-links'
import { parseMarkdown, type Inline } from './markdown'

/** Every `path="…"` of the app's router, `:id` as a wildcard. */
const ROUTES = [...routesSource.matchAll(/path="([^"*]+)"/g)].map(
  (m) => new RegExp(`^${m[1]!.replace(/:[a-z]+/gi, '[^/]+')}$`),
)

function links(nodes: Inline[]): string[] {
  return nodes.flatMap((n) =>
    n.kind === 'link' ? [n.href, ...links(n.children)] : 'children' in n ? links(n.children) : [],
  )
}

function articleLinks(body: string): string[] {
  return parseMarkdown(body).flatMap((b) =>
    b.kind === 'list'
      ? b.items.flatMap(links)
      : b.kind === 'table'
        ? [...b.header, ...b.rows.flat()].flatMap(links)
        : links(b.children),
  )
}

describe('the "?" on each page opens its article', () => {
  it('every menu entry has an article of its own (not the index)', () => {
    for (const item of NAV_ITEMS) {
      const target = helpPathFor(item.path)
      expect(target, item.path).toMatch(/^\/bantuan\/[a-z0-9-]+$/)
      expect(findArticle(target.slice('/bantuan/'.length)), item.path).toBeDefined()
    }
  })

  it('every article the route table names exists, and so do the app pages it names', () => {
    for (const [prefix, slug] of HELP_FOR_ROUTE) {
      expect(findArticle(slug), `${prefix} → ${slug}`).toBeDefined()
      expect(
        ROUTES.some((r) => r.test(prefix)),
        prefix,
      ).toBe(true)
    }
  })

  it('a page deeper in a menu opens that menu’s article; an unknown page opens the index', () => {
    expect(helpPathFor('/cashier')).toBe('/bantuan/kasir')
    expect(helpPathFor('/customers/42')).toBe('/bantuan/pelanggan')
    expect(helpPathFor('/billing/7')).toBe('/bantuan/siklus-tagihan')
    expect(helpPathFor('/')).toBe('/bantuan/dasbor-dan-laporan')
    expect(helpPathFor('/cashiers')).toBe('/bantuan')
    expect(helpPathFor(HELP_NAV_ITEM.path)).toBe('/bantuan')
  })
})

describe('help articles', () => {
  it('link only to articles and pages that exist', () => {
    for (const article of HELP_ARTICLES) {
      for (const href of articleLinks(article.body)) {
        if (!href.startsWith('/')) continue
        const path = href.replace(/[?#].*$/, '')
        if (path.startsWith('/bantuan/')) {
          expect(
            findArticle(path.slice('/bantuan/'.length)),
            `${article.slug}: ${href}`,
          ).toBeDefined()
        } else {
          expect(
            ROUTES.some((r) => r.test(path)),
            `${article.slug}: ${href}`,
          ).toBe(true)
        }
      }
    }
  })

  it('each has a title, a one-line summary and a unique slug', () => {
    expect(HELP_ARTICLES.length).toBeGreaterThanOrEqual(15)
    expect(new Set(HELP_ARTICLES.map((a) => a.slug)).size).toBe(HELP_ARTICLES.length)
    for (const a of HELP_ARTICLES) {
      expect(a.title.length, a.slug).toBeGreaterThan(3)
      expect(a.summary.length, a.slug).toBeLessThanOrEqual(200)
    }
  })

  it('the search finds words in title and text in any case; nothing found is an empty list', () => {
    expect(searchArticles('ISOLIR')[0]?.slug).toBe('alur-isolir')
    expect(searchArticles('frasa sandi').map((a) => a.slug)).toContain('backup-restore')
    expect(searchArticles('zzz-tidak-ada')).toEqual([])
    expect(searchArticles('  ')).toHaveLength(HELP_ARTICLES.length)
  })
})
