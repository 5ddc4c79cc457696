import { sql, type Kysely } from 'kysely'

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
  await sql`CREATE TABLE invoice_write_window (
    first_id INTEGER NOT NULL,
    last_id INTEGER NOT NULL
  )`.execute(db)
  await sql`DROP TRIGGER invoice_lines_frozen_insert`.execute(db)
  await sql`CREATE TRIGGER invoice_lines_frozen_insert BEFORE INSERT ON invoice_lines
    WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) != 'draft'
      AND NOT EXISTS (SELECT 1 FROM invoice_write_window
        WHERE NEW.invoice_id BETWEEN first_id AND last_id)
    BEGIN SELECT RAISE(ABORT, 'INVOICE_IMMUTABLE'); END`.execute(db)
}
