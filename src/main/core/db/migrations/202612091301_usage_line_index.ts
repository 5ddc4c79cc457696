import { sql, type Kysely } from 'kysely'

/**
 * Usage charges (BILLING.md rule 17) bill each service's usage month once: the run looks for a
 * service's usage line of that month on a live invoice, before planning and again under the
 * write lock. Only usage lines are indexed (a few per run; the 50,000 recurring lines need none).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX invoice_lines_usage_idx ON invoice_lines (service_id, period_start)
    WHERE kind = 'usage'`.execute(db)
}
