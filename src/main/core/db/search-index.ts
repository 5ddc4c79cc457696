import { sql, type Kysely } from 'kysely'
import { withoutControls } from '@shared/text'
import type { Database } from './schema'

/**
 * The customer search index: SQLite FTS5 with the trigram tokenizer, so any 3+ characters of a
 * name, code, phone, address or SID match. SQLite-only SQL lives here, behind two functions, so
 * a PostgreSQL engine can put pg_trgm behind the same signatures.
 */
export async function putSearchEntry(
  tx: Kysely<Database>,
  customerId: number,
  body: string,
): Promise<void> {
  await sql`DELETE FROM customer_search WHERE rowid = ${customerId}`.execute(tx)
  await sql`INSERT INTO customer_search (rowid, body) VALUES (${customerId}, ${body.toLowerCase()})`.execute(
    tx,
  )
}

/**
 * Customer ids whose entry contains every term (each ≥ 3 characters), best matches first. The API
 * strips control characters from search boxes; they are dropped here too, because a NUL ends the
 * MATCH string inside SQLite ("unterminated string") whoever calls this.
 */
export function searchMatchIds(terms: string[]) {
  const query = terms
    .map((t) => `"${withoutControls(t).toLowerCase().replace(/"/g, '""')}"`)
    .join(' AND ')
  return sql<number>`(SELECT rowid FROM customer_search WHERE customer_search MATCH ${query})`
}
