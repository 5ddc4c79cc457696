import type { Kysely } from 'kysely'

/**
 * One runner per router at a time, across processes: the host's worker, "Terapkan sekarang" and
 * the CLI's `jobs run device-queue` take the router's lease before they apply its jobs, so no job
 * is applied twice and no stale session id is kicked by a second runner. A lease runs out on its
 * own (`until`, real time) when the process holding it dies.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('router_queue_leases')
    .addColumn('router_id', 'integer', (c) => c.primaryKey().references('routers.id'))
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('until', 'text', (c) => c.notNull())
    .execute()
}
