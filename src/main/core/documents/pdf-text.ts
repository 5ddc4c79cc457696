import { inflateSync } from 'node:zlib'

/**
 * Reads back what a pdfkit PDF shows, so tests can check a document by its words instead of
 * pixels. It understands what pdfkit writes with the standard fonts — FlateDecode content streams,
 * hex strings in `Tj`/`TJ`, WinAnsi bytes — not arbitrary PDFs.
 */

/** Windows-1252 where it differs from Latin-1 (0x80–0x9f); the rest of WinAnsi is Latin-1. */
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
}

function winAnsi(bytes: Iterable<number>): string {
  let text = ''
  for (const b of bytes) text += WIN_ANSI_HIGH[b] ?? String.fromCharCode(b)
  return text
}

function hexString(hex: string): string {
  const digits = hex.replace(/\s+/g, '')
  const bytes: number[] = []
  for (let i = 0; i < digits.length; i += 2)
    bytes.push(parseInt(digits.slice(i, i + 2).padEnd(2, '0'), 16))
  return winAnsi(bytes)
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }

function literalString(body: string): string {
  const bytes = body.replace(/\\([0-7]{1,3}|.)/gs, (_, e: string) =>
    /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : (ESCAPES[e] ?? e),
  )
  return winAnsi(Array.from(bytes, (ch) => ch.charCodeAt(0)))
}

const STRING = /<([0-9a-fA-F\s]*)>|\(((?:[^()\\]|\\.)*)\)/gs
const TEXT_OP =
  /\[((?:<[^>]*>|\((?:[^()\\]|\\.)*\)|[^\]])*)\]\s*TJ|(<[^>]*>|\((?:[^()\\]|\\.)*\))\s*Tj|\bET\b/gs

function strings(operand: string): string {
  let text = ''
  for (const m of operand.matchAll(STRING)) {
    text += m[1] !== undefined ? hexString(m[1]) : literalString(m[2] ?? '')
  }
  return text
}

/** The lines of one content stream: pdfkit writes each line of text in its own BT … ET. */
function contentLines(content: string): string[] {
  const lines: string[] = []
  let line = ''
  for (const m of content.matchAll(TEXT_OP)) {
    if (m[0] === 'ET') {
      if (line !== '') lines.push(line)
      line = ''
    } else {
      line += strings(m[1] ?? m[2] ?? '')
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

interface PdfObjects {
  streams: Map<string, string>
  /** Content stream object numbers of each page, in page order. */
  pages: string[][]
}

function readObjects(buffer: Buffer): PdfObjects {
  const source = buffer.toString('latin1')
  const streams = new Map<string, string>()
  const pages: string[][] = []
  const object = /(\d+) 0 obj\s*<<([\s\S]*?)>>\s*(stream\r?\n)?/g
  for (const m of source.matchAll(object)) {
    const [whole, id = '', dict = ''] = m
    if (/\/Type\s*\/Page\b/.test(dict)) {
      const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? ''
      pages.push(Array.from(contents.matchAll(/(\d+) 0 R/g), (r) => r[1] ?? ''))
    }
    if (!m[3]) continue
    const length = Number(/\/Length\s+(\d+)/.exec(dict)?.[1] ?? NaN)
    if (!Number.isFinite(length)) continue
    const start = m.index + whole.length
    const raw = buffer.subarray(start, start + length)
    try {
      const data = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw
      streams.set(id, data.toString('latin1'))
    } catch {
      // Not a stream we can read (an image or font program); it holds no text anyway.
    }
  }
  return { streams, pages }
}

/** The text of each page, one string per page with a line per text line drawn. */
export function pdfPageTexts(buffer: Buffer): string[] {
  const { streams, pages } = readObjects(buffer)
  return pages.map((ids) => ids.flatMap((id) => contentLines(streams.get(id) ?? '')).join('\n'))
}

/** All visible text of the PDF, pages in order. */
export function pdfText(buffer: Buffer): string {
  return pdfPageTexts(buffer).join('\n')
}

/** Each page's size in points, from its /MediaBox. */
export function pdfPageSizes(buffer: Buffer): { width: number; height: number }[] {
  const source = buffer.toString('latin1')
  const box = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/g
  return Array.from(source.matchAll(box), (m) => ({
    width: Number(m[3]) - Number(m[1]),
    height: Number(m[4]) - Number(m[2]),
  }))
}
