import type { Kysely } from 'kysely'
import { engineOf } from './engine'
import type { Database } from './schema'

/**
 * The next number of a gapless sequence (customer codes per area, SIDs, later invoices and
 * receipts). Incremented inside the caller's write transaction, so a rolled-back transaction
 * leaves no gap and two writers can never get the same number (never MAX(id)+1).
 */
export async function nextNumber(
  tx: Kysely<Database>,
  companyId: number,
  name: string,
): Promise<number> {
  return reserveNumbers(tx, companyId, name, 1)
}

/**
 * Takes `count` consecutive numbers at once (an invoice run numbers a whole batch) and returns the
 * first; same transaction rule as nextNumber.
 */
export async function reserveNumbers(
  tx: Kysely<Database>,
  companyId: number,
  name: string,
  count: number,
): Promise<number> {
  const row = await tx
    .insertInto('counters')
    .values({ company_id: companyId, name, value: count })
    .onConflict((oc) =>
      oc
        .columns(['company_id', 'name'])
        .doUpdateSet((eb) => ({ value: eb('counters.value', '+', count) })),
    )
    .returning('value')
    .executeTakeFirstOrThrow()
  return row.value - count + 1
}

/** Raises a sequence to at least `value` (an imported code CBG01-0042 must not be handed out again). */
export async function bumpNumber(
  tx: Kysely<Database>,
  companyId: number,
  name: string,
  value: number,
): Promise<void> {
  await tx
    .insertInto('counters')
    .values({ company_id: companyId, name, value })
    .onConflict((oc) =>
      oc.columns(['company_id', 'name']).doUpdateSet((eb) => ({
        // The larger of two values: SQLite's scalar max(), PostgreSQL's greatest().
        value: eb.fn(engineOf(tx) === 'postgres' ? 'greatest' : 'max', [
          eb.ref('counters.value'),
          eb.val(value),
        ]),
      })),
    )
    .execute()
}
