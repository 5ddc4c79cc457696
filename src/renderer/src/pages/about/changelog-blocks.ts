/**
 * CHANGELOG.md as blocks the page draws with Mantine (no markdown library in the renderer):
 * headings (#, ##, ###), bullet lists ("- " with indented continuation lines) and paragraphs.
 * `code` spans lose their backticks; anything else is shown as written.
 */
export type ChangelogBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'paragraph'; text: string }

const plain = (text: string) => text.replace(/`([^`]*)`/g, '$1').trim()

export function changelogBlocks(markdown: string): ChangelogBlock[] {
  const blocks: ChangelogBlock[] = []
  let list: string[] | null = null
  let paragraph: string[] | null = null
  const flush = () => {
    if (list) blocks.push({ kind: 'list', items: list.map(plain) })
    if (paragraph) blocks.push({ kind: 'paragraph', text: plain(paragraph.join(' ')) })
    list = null
    paragraph = null
  }
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trimEnd()
    const heading = /^(#{1,3})\s+(.*)$/.exec(line)
    if (heading) {
      flush()
      const level = heading[1]!.length as 1 | 2 | 3
      blocks.push({ kind: 'heading', level, text: plain(heading[2]!) })
    } else if (/^\s*[-*]\s+/.test(line)) {
      if (paragraph) flush()
      list ??= []
      list.push(line.replace(/^\s*[-*]\s+/, ''))
    } else if (!line.trim()) {
      flush()
    } else if (list && /^\s+/.test(line)) {
      list[list.length - 1] += ` ${line.trim()}`
    } else {
      if (list) flush()
      paragraph ??= []
      paragraph.push(line.trim())
    }
  }
  flush()
  return blocks
}
