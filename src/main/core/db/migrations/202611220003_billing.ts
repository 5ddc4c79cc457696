import { createGuardTrigger } from '../dialect-ddl'
import { sql, type Kysely } from 'kysely'

/**
 * Invoices, payments and the customer credit ledger (BILLING.md). The database itself guards the
 * rules a bug must never break: a service is billed once per period (rule 4), an issued invoice's
 * amounts never change (rule 14), numbers are unique, the credit ledger is append-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('billing_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('invoices', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('user_id', 'integer')
    .addColumn('username', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute()

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    // 'period' (the monthly run) or 'one_time' (charges invoiced on their own).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('run_id', 'integer', (c) => c.references('billing_runs.id'))
    .addColumn('number', 'text')
    // Lifecycle: draft → issued → void. What was paid is payment_status, derived from allocations.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('payment_status', 'text', (c) => c.notNull().defaultTo('belum_bayar'))
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    // The customer as printed on the issued invoice (a later address change does not rewrite it).
    .addColumn('customer_code', 'text', (c) => c.notNull())
    .addColumn('customer_name', 'text', (c) => c.notNull())
    .addColumn('customer_address', 'text', (c) => c.notNull())
    .addColumn('customer_npwp', 'text')
    .addColumn('subtotal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tax_label', 'text')
    .addColumn('tax_amount', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rounding', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    // Sum of live allocations, kept in the same transaction that writes them (lists need no join).
    .addColumn('paid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('settled_date', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('voided_at', 'text')
    .addColumn('voided_by', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await sql`CREATE UNIQUE INDEX invoices_number_uq ON invoices (company_id, number)
    WHERE number IS NOT NULL`.execute(db)
  await db.schema
    .createIndex('invoices_customer_idx')
    .on('invoices')
    .columns(['customer_id', 'issue_date'])
    .execute()
  await db.schema
    .createIndex('invoices_period_idx')
    .on('invoices')
    .columns(['company_id', 'period', 'payment_status'])
    .execute()
  await db.schema
    .createIndex('invoices_issue_idx')
    .on('invoices')
    .columns(['company_id', 'issue_date'])
    .execute()
  // Receivables read only what is still open (or closed after the as-of date).
  await sql`CREATE INDEX invoices_open_idx ON invoices (company_id, due_date)
    WHERE status = 'issued' AND settled_date IS NULL`.execute(db)

  await db.schema
    .createTable('one_time_charges')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('service_id', 'integer', (c) => c.references('services.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('charge_date', 'text', (c) => c.notNull())
    // pending → billed (on an invoice) or cancelled (never deleted).
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('invoice_id', 'integer', (c) => c.references('invoices.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('one_time_charges_customer_idx')
    .on('one_time_charges')
    .columns(['customer_id', 'status'])
    .execute()

  await db.schema
    .createTable('invoice_lines')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('service_id', 'integer', (c) => c.references('services.id'))
    .addColumn('product_id', 'integer', (c) => c.references('products.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text')
    .addColumn('period_end', 'text')
    .addColumn('amount', 'integer', (c) => c.notNull())
    // The package change (service_history) an upgrade line settles, the charge a one-time line bills.
    .addColumn('history_id', 'integer', (c) => c.references('service_history.id'))
    .addColumn('charge_id', 'integer', (c) => c.references('one_time_charges.id'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createIndex('invoice_lines_invoice_idx')
    .on('invoice_lines')
    .column('invoice_id')
    .execute()
  // BILLING.md 4: a service is billed once per period, however the run is started. Voiding an
  // invoice frees its periods (the next run bills them again, at the right price).
  await db.schema
    .createTable('billed_periods')
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id'))
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addPrimaryKeyConstraint('billed_periods_pk', ['service_id', 'period_start'])
    .execute()
  await db.schema
    .createIndex('billed_periods_invoice_idx')
    .on('billed_periods')
    .column('invoice_id')
    .execute()
  await db.schema
    .createIndex('invoice_lines_history_idx')
    .on('invoice_lines')
    .column('history_id')
    .execute()

  // BILLING.md 14: an issued invoice's amounts never change, whatever code tries.
  const notDraft = (row: 'NEW' | 'OLD') =>
    `(SELECT status FROM invoices WHERE id = ${row}.invoice_id) != 'draft'`
  for (const [event, row] of [
    ['INSERT', 'NEW'],
    ['UPDATE', 'OLD'],
    ['DELETE', 'OLD'],
  ] as const) {
    await createGuardTrigger(db, {
      name: `invoice_lines_frozen_${event.toLowerCase()}`,
      table: 'invoice_lines',
      event,
      when: notDraft(row),
      message: 'INVOICE_IMMUTABLE',
    })
  }
  // `IS NOT` is SQLite's null-safe inequality; PostgreSQL spells it IS DISTINCT FROM.
  const changed = (op: string) => `OLD.status != 'draft' AND (
      NEW.number ${op} OLD.number OR NEW.customer_id != OLD.customer_id
      OR NEW.subtotal != OLD.subtotal OR NEW.tax_amount != OLD.tax_amount
      OR NEW.rounding != OLD.rounding OR NEW.total != OLD.total
      OR NEW.issue_date != OLD.issue_date OR NEW.due_date != OLD.due_date
      OR NEW.period ${op} OLD.period OR NEW.status = 'draft'
      OR (OLD.status = 'void' AND NEW.status != 'void'))`
  await createGuardTrigger(db, {
    name: 'invoices_frozen_amounts',
    table: 'invoices',
    event: 'UPDATE',
    when: { sqlite: changed('IS NOT'), postgres: changed('IS DISTINCT FROM') },
    message: 'INVOICE_IMMUTABLE',
  })
  await createGuardTrigger(db, {
    name: 'invoices_no_delete',
    table: 'invoices',
    event: 'DELETE',
    when: "OLD.status != 'draft'",
    message: 'INVOICE_IMMUTABLE',
  })

  await db.schema
    .createTable('credit_notes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    // 'manual' (a correction) or 'termination' (unused days of a service that ended, rule 11).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('service_id', 'integer', (c) => c.references('services.id'))
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('credit_notes_number_uq', ['company_id', 'number'])
    .execute()
  await sql`CREATE UNIQUE INDEX credit_notes_termination_uq ON credit_notes (service_id)
    WHERE kind = 'termination'`.execute(db)
  await db.schema
    .createIndex('credit_notes_invoice_idx')
    .on('credit_notes')
    .column('invoice_id')
    .execute()

  await db.schema
    .createTable('payments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('target_invoice_id', 'integer', (c) => c.references('invoices.id'))
    // The browser's UUID for this payment: a retried request never records it twice.
    .addColumn('client_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('username', 'text')
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('ok'))
    .addColumn('reversed_at', 'text')
    .addColumn('reversed_date', 'text')
    .addColumn('reversed_by_id', 'integer')
    .addColumn('reversed_by', 'text')
    .addColumn('reversal_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('payments_number_uq', ['company_id', 'number'])
    .execute()
  await sql`CREATE UNIQUE INDEX payments_client_uq ON payments (company_id, client_id)
    WHERE client_id IS NOT NULL`.execute(db)
  // A bank or gateway reference is used once (rule 27, and duplicate rows in a bank statement).
  await sql`CREATE UNIQUE INDEX payments_reference_uq ON payments (company_id, method, reference)
    WHERE reference IS NOT NULL AND status = 'ok'`.execute(db)
  await db.schema
    .createIndex('payments_customer_idx')
    .on('payments')
    .columns(['customer_id', 'received_at'])
    .execute()
  await db.schema
    .createIndex('payments_day_idx')
    .on('payments')
    .columns(['company_id', 'received_date', 'user_id'])
    .execute()
  await createGuardTrigger(db, {
    name: 'payments_no_delete',
    table: 'payments',
    event: 'DELETE',
    message: 'payments are never deleted',
  })

  // The customer credit ledger (rule 24): append-only, the balance is the sum.
  await db.schema
    .createTable('customer_credits')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'integer', (c) => c.references('payments.id'))
    .addColumn('invoice_id', 'integer', (c) => c.references('invoices.id'))
    .addColumn('credit_note_id', 'integer', (c) => c.references('credit_notes.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('customer_credits_customer_idx')
    .on('customer_credits')
    .column('customer_id')
    .execute()
  await createGuardTrigger(db, {
    name: 'customer_credits_no_update',
    table: 'customer_credits',
    event: 'UPDATE',
    message: 'customer_credits is append-only',
  })
  await createGuardTrigger(db, {
    name: 'customer_credits_no_delete',
    table: 'customer_credits',
    event: 'DELETE',
    message: 'customer_credits is append-only',
  })

  // What paid an invoice: a payment, customer credit or a credit note. Undone, never deleted.
  await db.schema
    .createTable('allocations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'integer', (c) => c.references('payments.id'))
    .addColumn('credit_id', 'integer', (c) => c.references('customer_credits.id'))
    .addColumn('credit_note_id', 'integer', (c) => c.references('credit_notes.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reversed_at', 'text')
    .addColumn('reversed_date', 'text')
    .execute()
  await db.schema
    .createIndex('allocations_invoice_idx')
    .on('allocations')
    .column('invoice_id')
    .execute()
  await db.schema
    .createIndex('allocations_payment_idx')
    .on('allocations')
    .column('payment_id')
    .execute()
  await createGuardTrigger(db, {
    name: 'allocations_no_delete',
    table: 'allocations',
    event: 'DELETE',
    message: 'allocations are never deleted',
  })

  // End-of-day cash closing per cashier (setoran): once closed, that day does not change.
  await db.schema
    .createTable('cash_closings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('by_method_json', 'text', (c) => c.notNull())
    .addColumn('expected_cash', 'integer', (c) => c.notNull())
    .addColumn('counted_cash', 'integer', (c) => c.notNull())
    .addColumn('difference', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('closed_by_id', 'integer')
    .addColumn('closed_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cash_closings_uq', ['company_id', 'user_id', 'date'])
    .execute()
  await createGuardTrigger(db, {
    name: 'cash_closings_no_update',
    table: 'cash_closings',
    event: 'UPDATE',
    message: 'a closed day cannot change',
  })
  await createGuardTrigger(db, {
    name: 'cash_closings_no_delete',
    table: 'cash_closings',
    event: 'DELETE',
    message: 'a closed day cannot change',
  })

  // Gateway callbacks and polls, each kept with what was done with it (rule 27).
  await db.schema
    .createTable('gateway_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('invoice_number', 'text')
    .addColumn('amount', 'integer')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'integer', (c) => c.references('payments.id'))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
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
  admin_billing: [
    'billing.view',
    'billing.run',
    'billing.manage',
    'payments.record',
    'payments.reverse',
    'payments.import',
    'cash.close',
    'reports.view',
  ],
  admin_support: ['billing.view'],
  viewer: ['billing.view', 'reports.view'],
}
