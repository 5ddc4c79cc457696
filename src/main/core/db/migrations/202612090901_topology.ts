import { sql, type Kysely } from 'kysely'

/**
 * Topology (issue 18): POP → OLT → PON port → ODC → ODP → a service on one ODP port, and mass
 * outages (gangguan massal) on any of those.
 *
 * - `olts.pop_id`: the POP an OLT stands in (optional; OLTs registered before stay without one).
 * - `odcs`: a cabinet fed by one PON port of one OLT (`pon` as the OLT's ONU list names it).
 * - `odps`: a splitter box under an ODC with its number of ports; coordinates as the customers'
 *   (REAL degrees); the photo is a file in the file store, kept by its SHA-256.
 * - `odp_ports`: which service is on which port; one service per port and one port per service.
 * - `outages`: a part of the network marked down, with the ticket opened for it; `resolved_at`
 *   null while it lasts. `outage_services`: the services (and their customers) it cut off, as
 *   they were when it was declared — the ticket's link to every one of them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('olts')
    .addColumn('pop_id', 'integer', (c) => c.references('pops.id'))
    .execute()

  await db.schema
    .createTable('odcs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('olt_id', 'integer', (c) => c.notNull().references('olts.id'))
    .addColumn('pon', 'text', (c) => c.notNull())
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('odcs_name_uq', ['company_id', 'name'])
    .execute()
  await db.schema.createIndex('odcs_olt_idx').on('odcs').columns(['olt_id', 'pon']).execute()

  await db.schema
    .createTable('odps')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('odc_id', 'integer', (c) => c.notNull().references('odcs.id'))
    .addColumn('ports', 'integer', (c) => c.notNull())
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('address', 'text')
    .addColumn('notes', 'text')
    .addColumn('photo_sha256', 'text')
    .addColumn('photo_mime', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('odps_name_uq', ['company_id', 'name'])
    .execute()
  await db.schema.createIndex('odps_odc_idx').on('odps').column('odc_id').execute()

  await db.schema
    .createTable('odp_ports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('odp_id', 'integer', (c) => c.notNull().references('odps.id'))
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('odp_ports_port_uq', ['odp_id', 'port'])
    .addUniqueConstraint('odp_ports_service_uq', ['service_id'])
    .execute()

  await db.schema
    .createTable('outages')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('olt_id', 'integer', (c) => c.references('olts.id'))
    .addColumn('pon', 'text')
    .addColumn('odc_id', 'integer', (c) => c.references('odcs.id'))
    .addColumn('odp_id', 'integer', (c) => c.references('odps.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('cause', 'text')
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('resolved_by', 'integer', (c) => c.references('users.id'))
    .execute()
  await db.schema
    .createIndex('outages_company_idx')
    .on('outages')
    .columns(['company_id', 'resolved_at'])
    .execute()

  await db.schema
    .createTable('outage_services')
    .addColumn('outage_id', 'integer', (c) => c.notNull().references('outages.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addPrimaryKeyConstraint('outage_services_pk', ['outage_id', 'service_id'])
    .execute()
  await db.schema
    .createIndex('outage_services_customer_idx')
    .on('outage_services')
    .column('customer_id')
    .execute()

  await grantTopologyPermissions(db)
}

/** Roles that see the network see the topology; support and technicians declare outages. */
export async function grantTopologyPermissions(db: Kysely<unknown>): Promise<void> {
  for (const [role, permission] of [
    ['admin_support', 'network.outage'],
    ['technician', 'network.outage'],
  ] as const) {
    await sql`INSERT INTO role_permissions (company_id, role, permission)
      SELECT id, ${role}, ${permission} FROM companies WHERE true ON CONFLICT DO NOTHING`.execute(
      db,
    )
  }
}
