import { sql, type Kysely } from 'kysely'

/**
 * PPPoE passwords became a permission of their own (`customers.credentials`, issue 13 #6):
 * companies set up before get its default, Admin Support, like a new company does. Other roles
 * stop seeing the passwords; the superadmin may grant it in the role matrix.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT INTO role_permissions (company_id, role, permission)
    SELECT id, 'admin_support', 'customers.credentials' FROM companies WHERE true ON CONFLICT DO NOTHING`.execute(
    db,
  )
}
