import { sql, type Kysely } from 'kysely'

/**
 * Complaint tickets (issue 16, "Tiket"): the ticket with its SLA due times, its history of
 * events (created, status changes, assignments, notes, reopenings: who, when, what note) and its
 * photos.
 *
 * Categories and SLA targets are not tables: they are the company setting `tickets` (a short list
 * edited as a whole, read with every new ticket; see core/tickets/settings.ts). A ticket keeps
 * its category's key, and a category in use is switched off rather than removed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tickets')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    // TKT/2026/000001, gapless per company and year (counter `ticket:2026`).
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    // A walk-in who is not (yet) a customer, or an internal ticket, has none.
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('service_id', 'integer', (c) => c.references('services.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    // rendah | sedang | tinggi | darurat
    .addColumn('priority', 'text', (c) => c.notNull())
    // telepon | whatsapp | datang | email | portal
    .addColumn('medium', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    // baru | dalam_proses | menunggu_konfirmasi | selesai | dibatalkan
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
    // Device tickets (seed 004): the device's serial number and the customer's PIC on site.
    .addColumn('device_serial', 'text')
    .addColumn('pic_name', 'text')
    .addColumn('pic_phone', 'text')
    // SLA due times, fixed at creation from the priority's targets (company settings).
    .addColumn('first_response_due_at', 'text', (c) => c.notNull())
    .addColumn('resolution_due_at', 'text', (c) => c.notNull())
    .addColumn('first_responded_at', 'text')
    // The last time it went to selesai (cleared when reopened).
    .addColumn('resolved_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tickets_number_uq', ['company_id', 'number'])
    .execute()
  // The list: a company's tickets by status, newest first.
  await db.schema
    .createIndex('tickets_status_idx')
    .on('tickets')
    .columns(['company_id', 'status', 'created_at'])
    .execute()
  await db.schema
    .createIndex('tickets_customer_idx')
    .on('tickets')
    .columns(['customer_id', 'created_at'])
    .execute()
  await db.schema.createIndex('tickets_service_idx').on('tickets').column('service_id').execute()
  await db.schema
    .createIndex('tickets_assignee_idx')
    .on('tickets')
    .columns(['assignee_id', 'status'])
    .execute()
  await db.schema
    .createIndex('tickets_serial_idx')
    .on('tickets')
    .columns(['company_id', 'device_serial'])
    .execute()

  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    // created | status | assigned | note | reopened
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    // Who: the user (null for the CLI) and their username as it was then.
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('username', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('ticket_events_ticket_idx')
    .on('ticket_events')
    .columns(['ticket_id', 'id'])
    .execute()

  // Photos of a ticket (the upload comes with the ticket page and the technician's phone): kept
  // in the data directory's file store like customer documents, optionally tied to the event
  // (a note, a status change) they were taken for.
  await db.schema
    .createTable('ticket_attachments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('event_id', 'integer', (c) => c.references('ticket_events.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('ticket_attachments_ticket_idx')
    .on('ticket_attachments')
    .column('ticket_id')
    .execute()

  await grantTicketPermissions(db)
}

/**
 * Companies set up before tickets get the new defaults a new company gets: Admin Support and
 * Technicians work tickets, Admin Tagihan and Pemantau see them.
 */
export async function grantTicketPermissions(db: Kysely<unknown>): Promise<void> {
  for (const [role, permission] of [
    ['admin_support', 'tickets.view'],
    ['admin_support', 'tickets.manage'],
    ['technician', 'tickets.view'],
    ['technician', 'tickets.manage'],
    ['admin_billing', 'tickets.view'],
    ['viewer', 'tickets.view'],
  ] as const) {
    await sql`INSERT INTO role_permissions (company_id, role, permission)
      SELECT id, ${role}, ${permission} FROM companies WHERE true ON CONFLICT DO NOTHING`.execute(
      db,
    )
  }
}
