import { sql, type Kysely } from 'kysely'

/**
 * The new-customer workflow (issue 16, "Registrasi → Aktif", seed 001): one card per new
 * customer walking six steps (registrasi, survei, akun, produk, instalasi, finalisasi), what each
 * step's form recorded, its history of events (who moved it, when, back-moves with their reason)
 * and its files (survey and installation photos, the two signatures, the signed BAST PDF).
 *
 * The service itself is created at the Produk step (a service needs its package) and lives in
 * `services` like any other; the card keeps what has no place there yet (survey, installation,
 * the handover). Warehouse items asked for at the installation are a plain JSON list for now;
 * the warehouse (Gudang) takes them over.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('registrations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('service_id', 'integer', (c) => c.references('services.id'))
    // registrasi | survei | akun | produk | instalasi | finalisasi
    .addColumn('step', 'text', (c) => c.notNull())
    // berjalan | aktif | ditolak
    .addColumn('status', 'text', (c) => c.notNull())
    // Survei
    .addColumn('survey_priority', 'text')
    .addColumn('survey_date', 'text')
    .addColumn('survey_time', 'text')
    .addColumn('survey_pic_id', 'integer', (c) => c.references('users.id'))
    .addColumn('survey_technician_id', 'integer', (c) => c.references('users.id'))
    .addColumn('survey_topology', 'text')
    .addColumn('survey_notes', 'text')
    // layak | tidak_layak
    .addColumn('survey_decision', 'text')
    .addColumn('survey_reason', 'text')
    // Akun: the SID is taken here when the company's username rule needs it ({sid}).
    .addColumn('sid', 'text')
    .addColumn('account_username', 'text')
    // Sealed with the data directory's key, like services.pppoe_password.
    .addColumn('account_password', 'text')
    // Produk (the rest is on the service)
    .addColumn('tax_type', 'text')
    .addColumn('download_kbps', 'integer')
    .addColumn('upload_kbps', 'integer')
    // Instalasi
    .addColumn('install_date', 'text')
    .addColumn('install_time', 'text')
    .addColumn('install_fee', 'integer')
    .addColumn('install_pic_id', 'integer', (c) => c.references('users.id'))
    .addColumn('install_technician_id', 'integer', (c) => c.references('users.id'))
    .addColumn('install_warehouse', 'text')
    // [{ name, quantity, unit, notes }]
    .addColumn('install_items_json', 'text')
    .addColumn('onu_serial', 'text')
    .addColumn('rx_power', 'real')
    .addColumn('cable_length', 'real')
    .addColumn('install_notes', 'text')
    // Finalisasi
    .addColumn('restrict_before_payment', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('customer_signer', 'text')
    .addColumn('technician_signer', 'text')
    .addColumn('signed_at', 'text')
    // The installation fee's one-time charge (joins the first invoice) and that invoice.
    .addColumn('charge_id', 'integer', (c) => c.references('one_time_charges.id'))
    .addColumn('first_invoice_id', 'integer', (c) => c.references('invoices.id'))
    .addColumn('ended_reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute()
  await db.schema
    .createIndex('registrations_board_idx')
    .on('registrations')
    .columns(['company_id', 'status', 'step'])
    .execute()
  await db.schema
    .createIndex('registrations_customer_idx')
    .on('registrations')
    .column('customer_id')
    .execute()

  await db.schema
    .createTable('registration_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registrations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_step', 'text')
    .addColumn('to_step', 'text')
    .addColumn('note', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('username', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('registration_events_card_idx')
    .on('registration_events')
    .columns(['registration_id', 'id'])
    .execute()

  await db.schema
    .createTable('registration_files')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registrations.id'))
    // survey_photo | install_photo | signature_customer | signature_technician | bast
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('registration_files_card_idx')
    .on('registration_files')
    .columns(['registration_id', 'kind'])
    .execute()

  await grantRegistrationPermissions(db)
}

/**
 * Companies set up before the workflow get the defaults a new company gets: Admin Support and
 * Technicians work cards, Admin Tagihan works them too (sales and billing register customers),
 * Pemantau sees the board.
 */
export async function grantRegistrationPermissions(db: Kysely<unknown>): Promise<void> {
  for (const [role, permission] of [
    ['admin_billing', 'registrations.view'],
    ['admin_billing', 'registrations.manage'],
    ['admin_support', 'registrations.view'],
    ['admin_support', 'registrations.manage'],
    ['technician', 'registrations.view'],
    ['technician', 'registrations.manage'],
    ['viewer', 'registrations.view'],
  ] as const) {
    await sql`INSERT INTO role_permissions (company_id, role, permission)
      SELECT id, ${role}, ${permission} FROM companies WHERE true ON CONFLICT DO NOTHING`.execute(
      db,
    )
  }
}
