import type { Kysely } from 'kysely'

/**
 * FUP state (issue 18, seed 002): per service and usage period (`YYYY-MM`, company time zone),
 * when the 80 % message was queued (`warned_at`), when the 100 % message was queued and the
 * service moved to its FUP speed (`throttled_at`), and when it went back at the next period
 * (`restored_at`). Each is written in the same transaction as the message or device job it
 * stands for, so a second check — or one after a crash — never sends or queues it again. The
 * desired state reads "throttled and not restored" to keep the router on FUP.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('usage_fup')
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('warned_at', 'text')
    .addColumn('throttled_at', 'text')
    .addColumn('restored_at', 'text')
    .addPrimaryKeyConstraint('usage_fup_pk', ['service_id', 'period'])
    .execute()
  await db.schema
    .createIndex('usage_fup_company_period_idx')
    .on('usage_fup')
    .columns(['company_id', 'period'])
    .execute()
}
