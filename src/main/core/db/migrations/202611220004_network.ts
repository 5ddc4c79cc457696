import { sql, type Kysely } from 'kysely'

/**
 * Routers and the durable device queue (DESIGN.md "Devices and outside services"): the database
 * records what a service should look like on its router; `device_jobs` carries the work of making
 * it so, survives restarts, retries while a router is down and shows what is pending or failed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('routers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('name', 'text', (c) => c.notNull().modifyEnd(sql`COLLATE NOCASE`))
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('tls', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('username', 'text', (c) => c.notNull())
    // Sealed with the data directory's key (core/secrets): a copied database alone reveals nothing.
    .addColumn('password_sealed', 'text', (c) => c.notNull())
    .addColumn('area_id', 'integer', (c) => c.references('areas.id'))
    .addColumn('pop_id', 'integer', (c) => c.references('pops.id'))
    .addColumn('isolir_profile', 'text', (c) => c.notNull().defaultTo('ISOLIR'))
    .addColumn('isolir_list', 'text', (c) => c.notNull().defaultTo('isolir'))
    .addColumn('notes', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    // What the last successful test or job saw; shown in the list without a round trip.
    .addColumn('identity', 'text')
    .addColumn('version', 'text')
    .addColumn('board', 'text')
    .addColumn('last_seen_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('routers_name_uq', ['company_id', 'name'])
    .execute()

  await db.schema
    .createTable('device_jobs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('router_id', 'integer', (c) => c.notNull().references('routers.id'))
    .addColumn('service_id', 'integer', (c) => c.references('services.id'))
    // 'service.sync' (make the router match the service), 'secret.disable', 'hotspot.*', …
    .addColumn('kind', 'text', (c) => c.notNull())
    // What the job targets when it is not a service (a secret's name, a voucher batch…).
    .addColumn('target', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    // pending → done, or failed (given up or refused by the router; a person retries it).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // Bumped by every enqueue: a worker that read the service before a newer change must not mark
    // the job done (it stays due and runs again with the newer state).
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('result', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute()
  // One open job per service and kind: a second change before the router was reached only makes
  // the same job due again (the job applies the service's state as it is when it runs).
  await sql`CREATE UNIQUE INDEX device_jobs_open_uq ON device_jobs (router_id, kind, coalesce(service_id, 0), target)
    WHERE status != 'done'`.execute(db)
  await db.schema
    .createIndex('device_jobs_due_idx')
    .on('device_jobs')
    .columns(['status', 'next_attempt_at'])
    .execute()
  await db.schema
    .createIndex('device_jobs_service_idx')
    .on('device_jobs')
    .columns(['service_id', 'status'])
    .execute()
  await db.schema
    .createIndex('services_router_idx')
    .on('services')
    .columns(['router_id', 'status'])
    .execute()

  for (const [role, permissions] of Object.entries(NEW_PERMISSION_DEFAULTS)) {
    for (const permission of permissions) {
      await sql`INSERT INTO role_permissions (company_id, role, permission)
        SELECT id, ${role}, ${permission} FROM companies WHERE true ON CONFLICT DO NOTHING`.execute(
        db,
      )
    }
  }
}

/** Companies set up before this migration get the new permissions' defaults too. */
export const NEW_PERMISSION_DEFAULTS: Record<string, string[]> = {
  admin_billing: ['network.view', 'isolir.manage'],
  admin_support: ['network.view', 'isolir.manage', 'hotspot.view', 'hotspot.manage'],
  technician: ['network.view'],
  viewer: ['network.view', 'hotspot.view'],
}
