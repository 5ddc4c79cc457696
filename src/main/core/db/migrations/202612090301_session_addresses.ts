import type { Kysely } from 'kysely'

/**
 * The address each PPPoE login had when Loket last read the router's active sessions (issue 17:
 * the isolir page knows the customer by the address their browser comes from). An isolated login
 * dials into the isolir pool and gets a new address; nothing else in the database knows it.
 *
 * One row per address of a company: the address belongs to whoever was last seen with it, and a
 * login seen with a new address gives up its old row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('session_addresses')
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('router_id', 'integer', (c) => c.notNull().references('routers.id'))
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_addresses_pk', ['company_id', 'address'])
    .execute()
  await db.schema
    .createIndex('session_addresses_service_idx')
    .on('session_addresses')
    .column('service_id')
    .execute()
}
