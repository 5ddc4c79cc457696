import { sql, type Kysely } from 'kysely'

/**
 * Almost every invoice line has no package change behind it (history_id NULL), yet the index on
 * history_id took an entry for each: an invoice run of 50,000 lines paid for 50,000 entries that
 * no query reads. Only the lines that settle a package change are indexed now; the lookup that
 * uses it (`history_id IN (…)`) implies NOT NULL, so it keeps its index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX invoice_lines_history_idx`.execute(db)
  await sql`CREATE INDEX invoice_lines_history_idx ON invoice_lines (history_id)
    WHERE history_id IS NOT NULL`.execute(db)
}
