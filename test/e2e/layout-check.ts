/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The page check below runs in the browser: its DOM types are the page's, not Node's.
import type { Page } from '@playwright/test'

/** One thing on a page that a person cannot read whole. */
export interface Clipped {
  kind: 'uang' | 'badge' | 'judul kolom' | 'tabel' | 'halaman'
  text: string
  why: string
}

/**
 * Runs inside the page (so it must not use anything from this module's scope). Finds:
 * - amounts (`Rp 1.234`, the way formatRupiah writes them), Mantine badges and table header cells
 *   that are cut: their box is narrower than their text (scrollWidth > clientWidth), or an
 *   ancestor that hides overflow ends before they do;
 * - tables wider than what holds them with no horizontal scroll of their own in between, or
 *   with one whose scrollbar does not show;
 * - a page that is wider than the window.
 */
function findClipped(): Clipped[] {
  const found: Clipped[] = []
  const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80)
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect()
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'
  }
  const scrolls = (el: Element) => /auto|scroll/.test(getComputedStyle(el).overflowX)

  /** Why `el` is cut, or null when all of it can be seen (or scrolled to). */
  function cut(el: HTMLElement): string | null {
    const style = getComputedStyle(el)
    if (style.display !== 'inline') {
      if (el.scrollWidth > el.clientWidth + 1) {
        return `scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`
      }
      // scrollWidth is rounded: "Aktif" cut to "Ak…" is 30.6px of text in a 30px box, which
      // both round to 31/30. Where the box hides or ellipsizes, measure the text itself.
      if (/hidden|clip/.test(style.overflowX) || style.textOverflow === 'ellipsis') {
        const range = document.createRange()
        range.selectNodeContents(el)
        const textWidth = range.getBoundingClientRect().width
        const inner =
          el.getBoundingClientRect().width -
          ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth']
            .map((p) => parseFloat(style[p as 'paddingLeft']) || 0)
            .reduce((a, b) => a + b, 0)
        if (textWidth > inner + 0.5) {
          return `text ${textWidth.toFixed(1)}px wide in a ${inner.toFixed(1)}px box`
        }
      }
    }
    const box = el.getBoundingClientRect()
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const overflow = getComputedStyle(a).overflowX
      // Whatever lies in a scroller can be scrolled to: the table rule below covers those.
      if (overflow === 'auto' || overflow === 'scroll') return null
      if (overflow !== 'hidden' && overflow !== 'clip') continue
      const outer = a.getBoundingClientRect()
      const left = outer.left + a.clientLeft
      const right = left + a.clientWidth
      if (box.right > right + 1 || box.left < left - 1) {
        const tag = a.className ? `${a.tagName.toLowerCase()}.${a.className}` : a.tagName
        return `cut by ${String(tag).slice(0, 60)} (${Math.round(box.left)}–${Math.round(box.right)} beyond ${Math.round(left)}–${Math.round(right)})`
      }
    }
    return null
  }

  const check = (kind: Clipped['kind'], el: HTMLElement, label = text(el)) => {
    if (!shown(el)) return
    const why = cut(el)
    if (why) found.push({ kind, text: label, why })
  }

  // The innermost elements whose text holds an amount: "Rp 150.000", "-Rp 5.000".
  const money = /Rp\u00a0?-?\d/
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  const amounts = new Set<HTMLElement>()
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement
    if (!parent || parent.closest('svg, script, style, [aria-hidden="true"]')) continue
    if (money.test(parent.textContent ?? '')) amounts.add(parent)
  }
  for (const el of amounts) check('uang', el)

  for (const badge of document.querySelectorAll<HTMLElement>('.mantine-Badge-root')) {
    // The label ellipsizes inside the badge: one finding per badge, the label's if it has one.
    const label = badge.querySelector<HTMLElement>('.mantine-Badge-label')
    if (!label || !shown(label) || !cut(label)) check('badge', badge)
    else check('badge', label, text(badge))
  }

  for (const th of document.querySelectorAll<HTMLElement>('table th')) check('judul kolom', th)

  /**
   * A scroller a person can see: a native scrollbar, or Mantine's own one drawn now. Mantine's
   * ScrollArea hides the native bar and by default draws its own only while the mouse is over
   * it, so a table cut at a column edge looks complete (the Pembayaran report "had no amounts").
   */
  const visibleScroll = (el: HTMLElement) => {
    if (getComputedStyle(el).scrollbarWidth !== 'none') return true
    const root = el.closest('.mantine-ScrollArea-root')
    const bar = root?.querySelector<HTMLElement>(
      ':scope > .mantine-ScrollArea-scrollbar[data-orientation="horizontal"]',
    )
    return !!bar && bar.dataset.state !== 'hidden' && shown(bar)
  }

  for (const table of document.querySelectorAll<HTMLElement>('table')) {
    if (!shown(table)) continue
    const width = Math.max(table.scrollWidth, Math.round(table.getBoundingClientRect().width))
    const head = table.querySelector('th')
    const name = head ? `kolom pertama "${text(head)}"` : text(table)
    const wide = (a: HTMLElement) => width > a.clientWidth + 1
    let narrower: HTMLElement | null = null
    for (let a = table.parentElement; a && a !== document.body; a = a.parentElement) {
      if (scrolls(a)) {
        // Scrolls: fine when the bar shows that there is more to the right.
        if (wide(a) && !visibleScroll(a)) {
          found.push({
            kind: 'tabel',
            text: name,
            why: `${width}px wide in a ${a.clientWidth}px scroller whose scrollbar is hidden`,
          })
        }
        narrower = null
        break
      }
      if (!wide(a)) continue
      narrower ??= a
      if (/hidden|clip/.test(getComputedStyle(a).overflowX)) break
    }
    if (narrower) {
      found.push({
        kind: 'tabel',
        text: name,
        why: `${width}px wide in a ${narrower.clientWidth}px ${narrower.tagName.toLowerCase()} without its own horizontal scroll`,
      })
    }
  }

  const page = document.documentElement
  if (page.scrollWidth > page.clientWidth + 1) {
    found.push({
      kind: 'halaman',
      text: document.title,
      why: `the page is ${page.scrollWidth}px wide in a ${page.clientWidth}px window`,
    })
  }
  return found
}

/** Days written "4 Des 2026" where the screens' rule is dd/mm/yyyy (formatShortDate). */
function findWordDates(): string[] {
  const day = /\b\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des)\w* \d{4}\b/
  const found: string[] = []
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const match = day.exec(node.textContent ?? '')
    // A message and its template's values are the customer's words ("24 November 2026").
    const skip =
      'svg, script, style, [data-testid="template-preview"], [data-testid="message-body"]'
    if (match && node.parentElement?.closest(skip) == null) found.push(match[0])
  }
  return found
}

/**
 * What is cut on the page now, and days not written dd/mm/yyyy, one line each:
 * "page — kind "text": why".
 */
export async function clippedOn(page: Page, name: string): Promise<string[]> {
  // Two frames: Mantine measures a scroll area after it renders, then draws its scrollbar.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  )
  const found = await page.evaluate(findClipped)
  const dates = await page.evaluate(findWordDates)
  return [
    ...found.map((c) => `${name} — ${c.kind} "${c.text}": ${c.why}`),
    ...dates.map((d) => `${name} — tanggal "${d}": written in words, not dd/mm/yyyy`),
  ]
}
