import { sql, type Kysely } from 'kysely'

/**
 * The customer portal (issue 17).
 *
 * - `portal_sessions`: a customer's sessions, a kind of their own (never in `sessions`, so a
 *   portal token can never pass a staff procedure nor a staff token a portal one). Only the
 *   token's hash is kept. `remembered` = "Ingat perangkat ini" (30 days; the customer lists and
 *   removes these devices); `staff_user_id` set = a staff member's read-only view of the portal.
 * - `portal_rate_limits`: requests per key (`otp:ip:…`, `otp:phone:…`) in fixed windows, so the
 *   public portal procedures are limited per address and per number, across restarts.
 * - `customers.address_note`: what the customer adds to the address in Profil.
 * - `portal.impersonate` ("Buka portal sebagai pelanggan") for the office roles, in companies
 *   set up before as in a new one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('portal_sessions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('remembered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('staff_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('end_reason', 'text')
    .execute()
  await db.schema
    .createIndex('portal_sessions_customer')
    .on('portal_sessions')
    .columns(['customer_id', 'ended_at'])
    .execute()

  await db.schema
    .createTable('portal_rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute()

  // The customer's own note to their address (Profil): the address itself stays the office's.
  await db.schema.alterTable('customers').addColumn('address_note', 'text').execute()

  await grantPortalImpersonation(db)
}

export async function grantPortalImpersonation(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT INTO role_permissions (company_id, role, permission)
    SELECT c.id, r.role, 'portal.impersonate' FROM companies c
    CROSS JOIN (SELECT 'admin_billing' AS role UNION ALL SELECT 'admin_support') r
    WHERE true ON CONFLICT DO NOTHING`.execute(db)
}
