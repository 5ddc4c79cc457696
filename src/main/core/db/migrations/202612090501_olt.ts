import { sql, type Kysely } from 'kysely'

/**
 * OLT over SNMP (issue 18): the OLTs, the ONUs last read from them (linked to a service by
 * their name / description or by hand) and one RX row per ONU per day.
 *
 * `secret_sealed` is the SNMP community (v2c) or the v3 keys, sealed for `snmp://host:port`.
 * RX power is kept as integer hundredths of a dBm (−23.45 dBm = −2345): exact on both engines.
 * `link_kind`: 'auto' (matched by name), 'manual' (a person linked it, or unlinked it with a null
 * service: the automatic match leaves it alone), null (never linked).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('olts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('vendor', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('snmp_version', 'text', (c) => c.notNull())
    .addColumn('v3_user', 'text')
    .addColumn('v3_auth_protocol', 'text')
    .addColumn('v3_priv_protocol', 'text')
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('sys_descr', 'text')
    .addColumn('last_seen_at', 'text')
    .addColumn('last_polled_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('olts_name_uq', ['company_id', 'name'])
    .execute()

  await db.schema
    .createTable('olt_onus')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('olt_id', 'integer', (c) => c.notNull().references('olts.id'))
    .addColumn('pon', 'text', (c) => c.notNull())
    .addColumn('onu_index', 'integer', (c) => c.notNull())
    .addColumn('serial', 'text')
    .addColumn('name', 'text')
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rx_cdbm', 'integer')
    .addColumn('last_down_cause', 'text')
    .addColumn('service_id', 'integer', (c) => c.references('services.id'))
    .addColumn('link_kind', 'text')
    // false once a poll no longer finds it (removed from the OLT); kept for its history and link.
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('olt_onus_position_uq', ['olt_id', 'pon', 'onu_index'])
    .execute()
  await db.schema.createIndex('olt_onus_service_idx').on('olt_onus').column('service_id').execute()
  await db.schema
    .createIndex('olt_onus_company_idx')
    .on('olt_onus')
    .columns(['company_id', 'status'])
    .execute()

  await db.schema
    .createTable('olt_rx_daily')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('onu_id', 'integer', (c) => c.notNull().references('olt_onus.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('rx_min', 'integer')
    .addColumn('rx_max', 'integer')
    .addColumn('rx_last', 'integer')
    .addColumn('status_last', 'text', (c) => c.notNull())
    .addColumn('samples', 'integer', (c) => c.notNull())
    .addColumn('offline_samples', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('olt_rx_daily_uq', ['onu_id', 'day'])
    .execute()
  await db.schema
    .createIndex('olt_rx_daily_company_day_idx')
    .on('olt_rx_daily')
    .columns(['company_id', 'day'])
    .execute()

  await grantOltPermissions(db)
}

/**
 * Companies set up before OLTs get what new ones get: every role that sees the network sees the
 * OLT page; Admin Support registers OLTs and links ONUs.
 */
export async function grantOltPermissions(db: Kysely<unknown>): Promise<void> {
  for (const [role, permission] of [
    ['admin_billing', 'olt.view'],
    ['admin_support', 'olt.view'],
    ['technician', 'olt.view'],
    ['viewer', 'olt.view'],
    ['admin_support', 'network.olt'],
  ] as const) {
    await sql`INSERT INTO role_permissions (company_id, role, permission)
      SELECT id, ${role}, ${permission} FROM companies WHERE true ON CONFLICT DO NOTHING`.execute(
      db,
    )
  }
}
