import { createGuardTrigger, dropGuardTrigger } from '../dialect-ddl'
import type { Kysely } from 'kysely'

/**
 * An invoice run wrote each invoice as a draft, its lines, then issued the whole batch with a
 * second UPDATE of 50,000 rows — a third of the run's writes — only because the trigger that
 * freezes issued invoices (BILLING.md 14) refused lines for anything but a draft. The run now
 * writes invoices already issued and opens a write window for their ids: one row in this table,
 * inserted and deleted inside the run's own write transaction, so no other transaction ever sees
 * it and a crash rolls it back with the batch. Outside that window the trigger is as strict as
 * before: no line is added to an issued invoice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('invoice_write_window')
    .addColumn('first_id', 'integer', (c) => c.notNull())
    .addColumn('last_id', 'integer', (c) => c.notNull())
    .execute()
  await dropGuardTrigger(db, 'invoice_lines_frozen_insert', 'invoice_lines')
  await createGuardTrigger(db, {
    name: 'invoice_lines_frozen_insert',
    table: 'invoice_lines',
    event: 'INSERT',
    when: `(SELECT status FROM invoices WHERE id = NEW.invoice_id) != 'draft'
      AND NOT EXISTS (SELECT 1 FROM invoice_write_window
        WHERE NEW.invoice_id BETWEEN first_id AND last_id)`,
    message: 'INVOICE_IMMUTABLE',
  })
}
