import { PAYMENT_METHODS, type PaymentMethod } from '@shared/billing'
import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Db } from '../db'
import type { CoreDeps } from '../deps'

type CompanyActor = Actor & { companyId: number }

export interface CashDay {
  userId: number
  date: string
  byMethod: Record<PaymentMethod, { count: number; amount: number }>
  /** Cash payments of that day that were reversed on that day by this cashier. */
  cashReversed: number
  expectedCash: number
  closing: {
    countedCash: number
    difference: number
    closedBy: string
    closedAt: string
    notes: string | null
  } | null
}

/** A cashier's day: what came in by method and the cash that should be in the drawer. */
export async function cashDay(
  db: Db,
  companyId: number,
  userId: number,
  date: string,
): Promise<CashDay> {
  const received = await db
    .selectFrom('payments')
    .select((eb) => [
      'method',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('amount').as('amount'),
    ])
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .where('received_date', '=', date)
    .groupBy('method')
    .execute()
  const reversed = await db
    .selectFrom('payments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('amount'))
    .where('company_id', '=', companyId)
    .where('reversed_by_id', '=', userId)
    .where('reversed_date', '=', date)
    .where('method', '=', 'cash')
    .executeTakeFirstOrThrow()
  const byMethod = Object.fromEntries(
    PAYMENT_METHODS.map((m) => [m, { count: 0, amount: 0 }]),
  ) as CashDay['byMethod']
  for (const r of received) {
    byMethod[r.method as PaymentMethod] = { count: Number(r.count), amount: Number(r.amount) }
  }
  const cashReversed = Number(reversed.amount)
  const closing = await db
    .selectFrom('cash_closings')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('user_id', '=', userId)
    .where('date', '=', date)
    .executeTakeFirst()
  return {
    userId,
    date,
    byMethod,
    cashReversed,
    expectedCash: byMethod.cash.amount - cashReversed,
    closing: closing
      ? {
          countedCash: closing.counted_cash,
          difference: closing.difference,
          closedBy: closing.closed_by,
          closedAt: closing.closed_at,
          notes: closing.notes,
        }
      : null,
  }
}

/** Closes the cashier's day (setoran): counted cash against expected; the day is then frozen. */
export async function closeCashDay(
  deps: CoreDeps,
  actor: CompanyActor,
  input: { date: string; countedCash: number; notes: string | null },
) {
  if (actor.userId === null) throw new AppError('FORBIDDEN', 'a cash day belongs to a user')
  const userId = actor.userId
  return writeTx(deps.db, async (tx) => {
    const day = await cashDay(tx, actor.companyId, userId, input.date)
    if (day.closing) throw new AppError('DAY_CLOSED', undefined, { date: input.date })
    const difference = input.countedCash - day.expectedCash
    const at = deps.clock.now().toISOString()
    await tx
      .insertInto('cash_closings')
      .values({
        company_id: actor.companyId,
        user_id: userId,
        username: actor.username ?? '',
        date: input.date,
        by_method_json: JSON.stringify(day.byMethod),
        expected_cash: day.expectedCash,
        counted_cash: input.countedCash,
        difference,
        notes: input.notes,
        closed_by_id: userId,
        closed_by: actor.username ?? '',
        closed_at: at,
      })
      .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'cash.close',
      entityType: 'cash_day',
      entityId: `${userId}:${input.date}`,
      after: {
        date: input.date,
        expected_cash: day.expectedCash,
        counted_cash: input.countedCash,
        difference,
        by_method: day.byMethod,
      },
    })
    return {
      ...day,
      closing: {
        countedCash: input.countedCash,
        difference,
        closedBy: actor.username ?? '',
        closedAt: at,
        notes: input.notes,
      },
    }
  })
}

/** Closed days of all cashiers, newest first (the supervisor's view). */
export async function listClosings(db: Db, companyId: number, from: string, to: string) {
  return db
    .selectFrom('cash_closings')
    .select([
      'id',
      'user_id as userId',
      'username',
      'date',
      'expected_cash as expectedCash',
      'counted_cash as countedCash',
      'difference',
      'closed_by as closedBy',
      'closed_at as closedAt',
      'notes',
    ])
    .where('company_id', '=', companyId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date', 'desc')
    .orderBy('username')
    .execute()
}
