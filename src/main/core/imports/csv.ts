import { ImportFileError, MAX_DATA_ROWS, tooManyRows } from './table'

export type Delimiter = ',' | ';' | '\t'

const COMMA = 44
const SEMICOLON = 59
const TAB = 9
const QUOTE = 34
const CR = 13
const LF = 10

/**
 * The text of a CSV file. Excel writes UTF-8 with a BOM ("CSV UTF-8"), UTF-16 for "Unicode
 * text", and the Windows code page for plain "CSV" — an Indonesian name with é must survive all
 * three, so invalid UTF-8 falls back to Windows-1252 rather than turning into �.
 */
export function decodeText(data: Buffer): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(data.subarray(3))
  }
  if (data[0] === 0xff && data[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(data.subarray(2))
  if (data[0] === 0xfe && data[1] === 0xff)
    return new TextDecoder('utf-16be').decode(data.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    return new TextDecoder('windows-1252').decode(data)
  }
}

/**
 * The delimiter the header line uses most. Excel in an Indonesian locale writes `;` (the comma
 * is the decimal sign there), elsewhere `,`; "Unicode text" exports use tab.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = { [COMMA]: 0, [SEMICOLON]: 0, [TAB]: 0 }
  let quoted = false
  let start = 0
  // Blank lines before the header say nothing about it.
  while (text.charCodeAt(start) === CR || text.charCodeAt(start) === LF) start++
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) quoted = !quoted
    else if (!quoted && (c === CR || c === LF)) break
    else if (!quoted && (c === COMMA || c === SEMICOLON || c === TAB)) counts[c]++
  }
  if (counts[SEMICOLON] > counts[COMMA] && counts[SEMICOLON] >= counts[TAB]) return ';'
  if (counts[TAB] > counts[COMMA]) return '\t'
  return ','
}

/**
 * RFC 4180 records. Every line break outside quotes starts a new record, so a record's number
 * is the row Excel shows it on, blank lines included. Lenient where Excel is: a stray quote in
 * the middle of an unquoted field is kept as a character.
 */
export function parseCsv(
  text: string,
  delimiter: Delimiter = detectDelimiter(text),
): { rowNumber: number; cells: string[] }[] {
  const sep = delimiter.charCodeAt(0)
  const records: { rowNumber: number; cells: string[] }[] = []
  // +1 for the header; blank lines are few, so this stops a runaway file early enough.
  const limit = MAX_DATA_ROWS * 2 + 1
  let cells: string[] = []
  let i = 0
  const n = text.length
  const endRecord = () => {
    records.push({ rowNumber: records.length + 1, cells })
    if (records.length > limit) throw tooManyRows()
    cells = []
  }
  while (i <= n) {
    if (i === n) {
      // A final line break does not open another record.
      if (cells.length > 0) endRecord()
      break
    }
    if (text.charCodeAt(i) === QUOTE) {
      const startRow = records.length + 1
      let value = ''
      let from = i + 1
      for (;;) {
        const close = text.indexOf('"', from)
        if (close < 0) {
          throw new ImportFileError(
            'import.csv_unclosed_quote',
            `A quote opened on row ${startRow} is never closed`,
            { row: startRow },
          )
        }
        value += text.slice(from, close)
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"'
          from = close + 2
        } else {
          i = close + 1
          break
        }
      }
      // Text between the closing quote and the delimiter is kept, as Excel does.
      const rest = scanUnquoted(text, i, sep)
      cells.push(rest.end > i ? value + text.slice(i, rest.end) : value)
      i = rest.end
    } else {
      const rest = scanUnquoted(text, i, sep)
      cells.push(text.slice(i, rest.end))
      i = rest.end
    }
    // i is at a delimiter, a line break or the end.
    const c = text.charCodeAt(i)
    if (c === sep) {
      i++
      if (i === n) {
        cells.push('')
        endRecord()
        break
      }
    } else if (c === CR || c === LF) {
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1
      endRecord()
      if (i === n) break
    }
  }
  return records
}

function scanUnquoted(text: string, from: number, sep: number): { end: number } {
  let i = from
  const n = text.length
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === sep || c === CR || c === LF) break
    i++
  }
  return { end: i }
}
