import { sql, type Kysely } from 'kysely'
import { withoutControls } from '@shared/text'
import { engineOf } from './engine'
import type { Database } from './schema'

/**
 * The customer search index, so any 3+ characters of a name, code, phone, address or SID match:
 * SQLite FTS5 with the trigram tokenizer, or on PostgreSQL a table with a pg_trgm GIN index
 * (dialect-ddl.ts creates both). The engine-specific SQL lives here, behind two functions.
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
export function searchMatchIds(db: { getExecutor(): { adapter: unknown } }, terms: string[]) {
  const clean = terms.map((t) => withoutControls(t).toLowerCase())
  if (engineOf(db) === 'postgres') {
    // pg_trgm answers substring LIKE from its index; % and _ typed by a user are literal.
    const like = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const where = sql.join(
      clean.map((t) => sql`body LIKE ${like(t)}`),
      sql` AND `,
    )
    return sql<number>`(SELECT rowid FROM customer_search WHERE ${where})`
  }
  const query = clean.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ')
  return sql<number>`(SELECT rowid FROM customer_search WHERE customer_search MATCH ${query})`
}
