import { checkReferencesPerStatement } from '../dialect-ddl'
import type { Kysely } from 'kysely'

/**
 * An invoice run writes its invoices, lines and billed periods 5,000 at a time. On PostgreSQL
 * their ten foreign keys were checked row by row (a third of the run at 50,000 services); the
 * same rules are now checked once per statement (see checkReferencesPerStatement). SQLite keeps
 * its declared foreign keys: nothing changes there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await checkReferencesPerStatement(db, 'invoices', [
    { column: 'company_id', parent: 'companies' },
    { column: 'customer_id', parent: 'customers' },
    { column: 'run_id', parent: 'billing_runs' },
  ])
  await checkReferencesPerStatement(db, 'invoice_lines', [
    { column: 'invoice_id', parent: 'invoices' },
    { column: 'service_id', parent: 'services' },
    { column: 'product_id', parent: 'products' },
    { column: 'history_id', parent: 'service_history' },
    { column: 'charge_id', parent: 'one_time_charges' },
  ])
  await checkReferencesPerStatement(db, 'billed_periods', [
    { column: 'service_id', parent: 'services' },
    { column: 'invoice_id', parent: 'invoices' },
  ])
}
