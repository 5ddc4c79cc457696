import { sql, type Kysely } from 'kysely'

/**
 * SLA breaches (issue 16): a ticket past its first-response or resolution due time tells its
 * assignee and the supervisors (`tickets.supervise`), once per ticket and kind.
 *
 * - `notifications.user_id`: a notification for one user only (null: as before, everyone of the
 *   company who holds `permission`). Both narrow: a per-user notice may still name a permission.
 * - `tickets.*_breach_notified_at`: when the breach was told, so the periodic check neither tells
 *   it twice nor reads the same late tickets again every few minutes. Whoever ever gives a ticket
 *   new due times clears them, and the new breach is told again.
 * - Two indexes for the check: open tickets by status and due time.
 * - Admin Support supervises tickets in companies set up before, as in a new company.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('notifications')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .execute()
  await db.schema
    .alterTable('tickets')
    .addColumn('first_response_breach_notified_at', 'text')
    .execute()
  await db.schema.alterTable('tickets').addColumn('resolution_breach_notified_at', 'text').execute()
  await db.schema
    .createIndex('tickets_first_response_due_idx')
    .on('tickets')
    .columns(['company_id', 'status', 'first_response_due_at'])
    .execute()
  await db.schema
    .createIndex('tickets_resolution_due_idx')
    .on('tickets')
    .columns(['company_id', 'status', 'resolution_due_at'])
    .execute()
  await grantTicketSupervision(db)
}

/** Companies set up before: Admin Support supervises tickets (the superadmin always does). */
export async function grantTicketSupervision(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT INTO role_permissions (company_id, role, permission)
    SELECT id, 'admin_support', 'tickets.supervise' FROM companies WHERE true ON CONFLICT DO NOTHING`.execute(
    db,
  )
}
