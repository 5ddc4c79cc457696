import type { Kysely } from 'kysely'

/**
 * Usage collection (issue 18, seed 002). Two tables:
 *
 * `usage_counters`: the counter Loket last read for a service (a PPPoE session's dynamic
 * interface, or a static service's simple queue), so the next reading yields the bytes since. The
 * router's id of the counter tells a new session (new interface, counters from 0) from the same
 * one; one row per service.
 *
 * `usage_daily`: the bytes a service moved per day (company time zone), from the customer's side:
 * upload and download. What reports, quotas and usage billing read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('usage_counters')
    .addColumn('service_id', 'integer', (c) => c.primaryKey().references('services.id'))
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('router_id', 'integer', (c) => c.notNull().references('routers.id'))
    .addColumn('counter_key', 'text', (c) => c.notNull())
    .addColumn('upload_bytes', 'integer', (c) => c.notNull())
    .addColumn('download_bytes', 'integer', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('usage_daily')
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('upload_bytes', 'integer', (c) => c.notNull())
    .addColumn('download_bytes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_daily_pk', ['service_id', 'day'])
    .execute()
  await db.schema
    .createIndex('usage_daily_company_day_idx')
    .on('usage_daily')
    .columns(['company_id', 'day'])
    .execute()
}
