import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import type { Database } from '../db'

/** A cashier's closed day (setoran done) cannot change: no payment or reversal lands on it. */
export async function assertDayOpen(
  tx: Kysely<Database>,
  companyId: number,
  userId: number | null,
  date: string,
): Promise<void> {
  if (userId === null) return
  const closed = await tx
    .selectFrom('cash_closings')
    .select('id')
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .where('date', '=', date)
    .executeTakeFirst()
  if (closed) throw new AppError('DAY_CLOSED', undefined, { date })
}
