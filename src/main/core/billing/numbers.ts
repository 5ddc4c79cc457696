import type { Kysely } from 'kysely'
import { formatCode } from '@shared/codes'
import { reserveNumbers, type Database } from '../db'

export type DocumentKind = 'invoice' | 'credit_note' | 'receipt'

/** `INV/{YYYY}/{000000}` + 2026 + 1 → INV/2026/000001 (`{YY}` gives 26). */
export function formatDocumentNumber(pattern: string, year: string, n: number): string {
  return documentNumbers(pattern, year)(n)
}

/** The pattern worked out once for a year: an invoice run numbers 50,000 invoices with it. */
function documentNumbers(pattern: string, year: string): (n: number) => string {
  const withYear = pattern.replace(/\{YYYY\}/g, year).replace(/\{YY\}/g, year.slice(2))
  const slot = /\{(0+)\}/.exec(withYear)
  if (!slot) return (n) => formatCode(withYear, { n })
  const head = withYear.slice(0, slot.index).replace(/\{AREA\}/g, '')
  const tail = withYear.slice(slot.index + slot[0].length).replace(/\{AREA\}/g, '')
  const width = slot[1]!.length
  return (n) => head + String(n).padStart(width, '0') + tail
}

/**
 * Numbers for `count` documents issued in `year`, gapless per company and year (rules 13, 14,
 * 22): taken in the caller's write transaction, so a rollback gives them back.
 */
export async function takeDocumentNumbers(
  tx: Kysely<Database>,
  companyId: number,
  kind: DocumentKind,
  pattern: string,
  year: string,
  count: number,
): Promise<string[]> {
  if (count === 0) return []
  const first = await reserveNumbers(tx, companyId, `${kind}:${year}`, count)
  const format = documentNumbers(pattern, year)
  return Array.from({ length: count }, (_, i) => format(first + i))
}
