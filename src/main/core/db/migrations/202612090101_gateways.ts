import { sql, type Kysely } from 'kysely'

/**
 * Online payment through Tripay, Midtrans and Xendit (issue 17).
 *
 * - `gateway_settings`: one row per company and gateway. The keys are one JSON object sealed for
 *   the gateway's base URL (sealFor), so a tampered row pointing the keys elsewhere cannot open
 *   them. `channels` is the JSON list of enabled channel codes (null: every active channel).
 * - `gateway_transactions`: what Loket asked a gateway to collect, by `merchant_ref` (Loket's id,
 *   unique per company) and the gateway's `reference`. `state` follows the gateway (unpaid, paid,
 *   expired, failed, refund) plus `held`: paid, but not the amount asked, waiting for review.
 *   `next_poll_at` drives the polling job (null: nothing left to ask).
 * - `gateway_transaction_invoices`: the invoices a transaction pays and what each still owed.
 * - `gateway_events` (every callback and poll answer, valid or not) learn the transaction and how
 *   the notice came (callback, poll).
 * - Permissions: `gateways.manage` (settings; the owner by default), `payments.gateway_review`
 *   (approve or reject a held payment; Admin Billing).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('gateway_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text')
    .addColumn('keys_sealed', 'text', (c) => c.notNull())
    .addColumn('fee_policy', 'text', (c) => c.notNull())
    .addColumn('expiry_hours', 'integer', (c) => c.notNull())
    .addColumn('poll_minutes', 'integer', (c) => c.notNull())
    .addColumn('channels', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('gateway_settings_uq')
    .on('gateway_settings')
    .columns(['company_id', 'gateway'])
    .unique()
    .execute()

  await db.schema
    .createTable('gateway_transactions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('company_id', 'integer', (c) => c.notNull().references('companies.id'))
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('merchant_ref', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('fee', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('channel_name', 'text', (c) => c.notNull())
    .addColumn('checkout_url', 'text')
    .addColumn('pay_code', 'text')
    .addColumn('instructions', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('paid_amount', 'integer')
    .addColumn('paid_at', 'text')
    .addColumn('payment_id', 'integer', (c) => c.references('payments.id'))
    .addColumn('held_reason', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('next_poll_at', 'text')
    .addColumn('last_polled_at', 'text')
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('gateway_transactions_ref_uq')
    .on('gateway_transactions')
    .columns(['company_id', 'merchant_ref'])
    .unique()
    .execute()
  await db.schema
    .createIndex('gateway_transactions_reference_uq')
    .on('gateway_transactions')
    .columns(['gateway', 'reference'])
    .unique()
    .execute()
  await db.schema
    .createIndex('gateway_transactions_poll_idx')
    .on('gateway_transactions')
    .columns(['company_id', 'next_poll_at'])
    .execute()
  await db.schema
    .createIndex('gateway_transactions_state_idx')
    .on('gateway_transactions')
    .columns(['company_id', 'state', 'created_at'])
    .execute()

  await db.schema
    .createTable('gateway_transaction_invoices')
    .addColumn('transaction_id', 'integer', (c) =>
      c.notNull().references('gateway_transactions.id'),
    )
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('gateway_transaction_invoices_pk', ['transaction_id', 'invoice_id'])
    .execute()

  await db.schema
    .alterTable('gateway_events')
    .addColumn('transaction_id', 'integer', (c) => c.references('gateway_transactions.id'))
    .execute()
  await db.schema.alterTable('gateway_events').addColumn('source', 'text').execute()
  await db.schema
    .createIndex('gateway_events_reference_idx')
    .on('gateway_events')
    .columns(['company_id', 'gateway', 'reference'])
    .execute()
  await grantGatewayReview(db)
}

/** Companies set up before: Admin Billing reviews held gateway payments, as in a new company. */
export async function grantGatewayReview(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT INTO role_permissions (company_id, role, permission)
    SELECT id, 'admin_billing', 'payments.gateway_review' FROM companies WHERE true ON CONFLICT DO NOTHING`.execute(
    db,
  )
}
