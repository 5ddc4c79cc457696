import { sql, type Kysely } from 'kysely'

/**
 * GenieACS (issue 18).
 *
 * - `services.cpe_serial`: the serial of the CPE installed for a service, for finding it on the
 *   ACS when the CPE does not report the PPPoE login (a bridge ONT, a router behind it).
 * - `cpe_actions`: every reboot, refresh and WiFi change asked of the ACS, with how it answered
 *   (done, queued for the device, fault and its text, no such device, ACS not answering). A WiFi
 *   change keeps the new SSID, never the password.
 * - Admin Support and technicians get `network.acs` in companies set up before, as in a new one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('services').addColumn('cpe_serial', 'text').execute()
  await db.schema
    .createTable('cpe_actions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('outcome', 'text')
    .addColumn('message', 'text')
    .addColumn('task_id', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute()
  await db.schema
    .createIndex('cpe_actions_customer_idx')
    .on('cpe_actions')
    .columns(['company_id', 'customer_id', 'id'])
    .execute()
  await sql`INSERT INTO role_permissions (company_id, role, permission)
    SELECT id, r.role, 'network.acs' FROM companies,
      (SELECT 'admin_support' AS role UNION ALL SELECT 'technician') r
    WHERE true ON CONFLICT DO NOTHING`.execute(db)
}
