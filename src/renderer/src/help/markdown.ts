/**
 * The help articles' Markdown, read into plain data the page draws with Mantine and React.
 * A small subset on purpose: headings (#–###), paragraphs, bullet and numbered lists (one
 * level), tables, "> " notes, **bold**, *italic* / _italic_, `code` and [links](…).
 *
 * Nothing here is HTML: every character of the source ends up as React text, so `<script>` or
 * `<img onerror=…>` in an article is shown as written, never run. A link keeps its target only
 * when it is http(s), mailto or a path inside the app (`/bantuan/kasir`, `/customers`); any
 * other target (`javascript:`, `data:`, `//host`) leaves just the link's text.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; internal: boolean; children: Inline[] }

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; children: Inline[]; text: string }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { kind: 'note'; children: Inline[] }

/** The link targets an article may use; anything else is shown as text. */
export function safeHref(raw: string): { href: string; internal: boolean } | null {
  const href = raw.trim()
  // Control characters and spaces could hide a scheme from the checks below ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  if (!href || /[\u0000-\u0020\u007f]/.test(href)) return null
  if (/^https?:\/\/[^/\s]/i.test(href) || /^mailto:[^\s]+$/i.test(href)) {
    return { href, internal: false }
  }
  // A path of the app itself: one leading slash (not "//host", not "/\host").
  if (/^\/(?![/\\])[A-Za-z0-9\-._~/?=&#%]*$/.test(href)) return { href, internal: true }
  return null
}

/** Inline Markdown of one paragraph, list item or cell. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = []
  let text = ''
  const pushText = () => {
    if (text) out.push({ kind: 'text', text })
    text = ''
  }
  let i = 0
  while (i < source.length) {
    const rest = source.slice(i)
    const ch = source[i]!
    if (ch === '\\' && i + 1 < source.length && /[\\`*_[\]()#>|-]/.test(source[i + 1]!)) {
      text += source[i + 1]
      i += 2
      continue
    }
    if (ch === '`') {
      const end = source.indexOf('`', i + 1)
      if (end > i + 1) {
        pushText()
        out.push({ kind: 'code', text: source.slice(i + 1, end) })
        i = end + 1
        continue
      }
    }
    if (rest.startsWith('**')) {
      const end = source.indexOf('**', i + 2)
      if (end > i + 2) {
        pushText()
        out.push({ kind: 'strong', children: parseInline(source.slice(i + 2, end)) })
        i = end + 2
        continue
      }
    }
    if ((ch === '*' || ch === '_') && source[i + 1] !== ch && source[i + 1] !== ' ') {
      // `_` only at a word's start, so snake_case names stay as they are.
      const wordStart = ch === '*' || i === 0 || !/[A-Za-z0-9]/.test(source[i - 1]!)
      const end = source.indexOf(ch, i + 1)
      if (wordStart && end > i + 1 && source[end - 1] !== ' ') {
        pushText()
        out.push({ kind: 'em', children: parseInline(source.slice(i + 1, end)) })
        i = end + 1
        continue
      }
    }
    if (ch === '[') {
      const link = /^\[([^\]]+)\]\(([^()\s]*)\)/.exec(rest)
      if (link) {
        pushText()
        const children = parseInline(link[1]!)
        const target = safeHref(link[2]!)
        if (target) out.push({ kind: 'link', ...target, children })
        else out.push(...children)
        i += link[0].length
        continue
      }
    }
    text += ch
    i += 1
  }
  pushText()
  return out
}

/** The words of inline content, for a heading's anchor or the search. */
export function inlineText(nodes: Inline[]): string {
  return nodes
    .map((n) => (n.kind === 'text' || n.kind === 'code' ? n.text : inlineText(n.children)))
    .join('')
}

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim())

const isTableRule = (line: string) => /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line)

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const blocks: Block[] = []
  let paragraph: string[] = []
  let list: { ordered: boolean; items: string[] } | null = null
  let note: string[] = []

  const flush = () => {
    if (paragraph.length) {
      blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) })
    }
    if (list) {
      blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseInline) })
    }
    if (note.length) blocks.push({ kind: 'note', children: parseInline(note.join(' ')) })
    paragraph = []
    list = null
    note = []
  }

  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trimEnd()
    const heading = /^(#{1,3})\s+(.*)$/.exec(line)
    const bullet = /^\s{0,3}[-*]\s+(.*)$/.exec(line)
    const numbered = /^\s{0,3}\d+[.)]\s+(.*)$/.exec(line)
    if (!line.trim()) {
      flush()
    } else if (heading) {
      flush()
      const children = parseInline(heading[2]!.trim())
      const level = heading[1]!.length as 1 | 2 | 3
      blocks.push({ kind: 'heading', level, children, text: inlineText(children) })
    } else if (line.trimStart().startsWith('|') && isTableRule(lines[n + 1] ?? '')) {
      flush()
      const header = cells(line).map(parseInline)
      const rows: Inline[][][] = []
      n += 2
      while (n < lines.length && lines[n]!.trimStart().startsWith('|')) {
        rows.push(cells(lines[n]!).map(parseInline))
        n += 1
      }
      n -= 1
      blocks.push({ kind: 'table', header, rows })
    } else if (/^\s*>\s?/.test(line)) {
      if (paragraph.length || list) flush()
      note.push(line.replace(/^\s*>\s?/, '').trim())
    } else if (bullet || numbered) {
      const ordered = !bullet
      if (paragraph.length || note.length || (list && list.ordered !== ordered)) flush()
      list ??= { ordered, items: [] }
      list.items.push((bullet ?? numbered)![1]!.trim())
    } else if (list && /^\s+\S/.test(line)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`
    } else if (note.length) {
      note.push(line.trim())
    } else {
      if (list) flush()
      paragraph.push(line.trim())
    }
  }
  flush()
  return blocks
}

/** Front matter (`---` … `---` of `key: value` lines) and the Markdown after it. */
export function splitFrontMatter(source: string): { meta: Record<string, string>; body: string } {
  const text = source.replace(/\r\n?/g, '\n')
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text)
  if (!match) return { meta: {}, body: text }
  const meta: Record<string, string> = {}
  for (const line of match[1]!.split('\n')) {
    const at = line.indexOf(':')
    if (at > 0) meta[line.slice(0, at).trim()] = line.slice(at + 1).trim()
  }
  return { meta, body: text.slice(match[0].length) }
}
