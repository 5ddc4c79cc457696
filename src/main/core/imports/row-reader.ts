import type { ImportRowError } from '@shared/schemas/imports'
import type { TableRow } from './table'

/** The longest text each kind of cell may hold; beyond it the value is surely misplaced. */
export const MAX_LENGTH = {
  code: 32,
  name: 100,
  address: 500,
  login: 64,
  notes: 1000,
} as const

// Long enough to recognise the cell in the preview, short enough for one line of it.
const SHOWN_VALUE_LENGTH = 60

const WHITESPACE_RUN = /\s+/g

/**
 * Reads the cells of one row at a time by field name and collects that row's problems. One
 * reader serves every row of a file, so parsing 10,000 rows allocates no per-row machinery.
 */
export class RowReader<F extends string> {
  private cells: string[] = []
  rowNumber = 0
  /** False once the current row has any problem: it then yields no value. */
  ok = true

  constructor(
    private readonly mapping: Partial<Record<F, number | null>>,
    readonly errors: ImportRowError[],
  ) {}

  start(row: TableRow): void {
    this.cells = row.cells
    this.rowNumber = row.rowNumber
    this.ok = true
  }

  /**
   * The trimmed text of a field; '' when empty or unmapped. A lone '-' is how spreadsheets say
   * "nothing here", so it is empty too.
   */
  text(field: F): string {
    const index = this.mapping[field]
    if (index === null || index === undefined) return ''
    const value = (this.cells[index] ?? '').trim()
    return value === '-' ? '' : value
  }

  fail(field: F | null, messageKey: string, params?: Record<string, string | number>): void {
    this.ok = false
    const error: ImportRowError = { row: this.rowNumber, column: field, messageKey }
    if (params) error.params = params
    this.errors.push(error)
  }

  /** A text that must be there; inner runs of spaces collapse ("Budi  Santoso"). */
  required(field: F, max: number): string | null {
    const value = this.text(field).replace(WHITESPACE_RUN, ' ')
    if (value === '') {
      this.fail(field, 'import.required')
      return null
    }
    return this.withinLength(field, value, max)
  }

  optional(field: F, max: number): string | null {
    const value = this.text(field)
    return value === '' ? null : this.withinLength(field, value, max)
  }

  /** An optional cell read by `parse`; `messageKey` when the text means nothing valid. */
  parsed<T>(field: F, parse: (text: string) => T | null, messageKey: string): T | null {
    const text = this.text(field)
    if (text === '') return null
    const value = parse(text)
    if (value === null) this.fail(field, messageKey, { value: shown(text) })
    return value
  }

  /** Like `parsed`, but an empty cell is an error too. */
  parsedRequired<T>(field: F, parse: (text: string) => T | null, messageKey: string): T | null {
    if (this.text(field) === '') {
      this.fail(field, 'import.required')
      return null
    }
    return this.parsed(field, parse, messageKey)
  }

  private withinLength(field: F, value: string, max: number): string | null {
    if (value.length <= max) return value
    this.fail(field, 'import.too_long', { max })
    return null
  }
}

export function shown(text: string): string {
  return text.length > SHOWN_VALUE_LENGTH ? `${text.slice(0, SHOWN_VALUE_LENGTH - 1)}…` : text
}

/**
 * Remembers the first row of each key, so a repeat within the file is found in O(1) and reported
 * with the row it repeats.
 */
export class FirstSeen {
  private readonly rows = new Map<string, number>()

  /** The earlier row with this key, or null (and the key is now this row's). */
  check(key: string, row: number): number | null {
    const first = this.rows.get(key)
    if (first !== undefined) return first
    this.rows.set(key, row)
    return null
  }
}
