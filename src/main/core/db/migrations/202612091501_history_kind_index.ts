import { sql, type Kysely } from 'kysely'

/**
 * An invoice run reads the package changes of all services (BILLING.md rules 9–10): a few
 * hundred rows among one "created" row per service and every status change. Without an index on
 * the kind, SQLite looked up each of 50,000 services' history to find them (about 50 ms of a
 * 1.7 s run); with it, the run reads only the rows it needs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX service_history_kind_idx ON service_history (kind, effective_date)`.execute(
    db,
  )
}
