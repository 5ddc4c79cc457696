import type { Kysely } from 'kysely'
import { formatCode } from '@shared/codes'
import { reserveNumbers, type Database } from '../db'

export type DocumentKind = 'invoice' | 'credit_note' | 'receipt'

/** `INV/{YYYY}/{000000}` + 2026 + 1 → INV/2026/000001 (`{YY}` gives 26). */
export function formatDocumentNumber(pattern: string, year: string, n: number): string {
  return formatCode(pattern.replace(/\{YYYY\}/g, year).replace(/\{YY\}/g, year.slice(2)), { n })
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
  return Array.from({ length: count }, (_, i) => formatDocumentNumber(pattern, year, first + i))
}
