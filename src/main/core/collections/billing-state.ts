import { AppError } from '@shared/errors'
import type { Db } from '../db'
import { listPromises } from './customer-flags'

const OPEN_SHOWN = 5

/**
 * The troubleshooting screen's first question (seed 000, step 2): does the customer owe, is a
 * service isolated, and why. Arrears are the issued invoices not fully paid; overdue ones are
 * past their due date on `asOf`. Each service carries its latest status change with its reason
 * (the automatic isolir writes its rule there, an operator their own words).
 */
export async function customerBillingState(
  db: Db,
  companyId: number,
  customerId: number,
  asOf: string,
) {
  const customer = await db
    .selectFrom('customers')
    .select(['id', 'no_isolir', 'no_isolir_reason'])
    .where('id', '=', customerId)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!customer) throw new AppError('NOT_FOUND', 'customer')
  const [invoices, services, promises] = await Promise.all([
    db
      .selectFrom('invoices')
      .select(['id', 'number', 'period', 'due_date as dueDate', 'total', 'paid'])
      .where('company_id', '=', companyId)
      .where('customer_id', '=', customerId)
      .where('status', '=', 'issued')
      .where('payment_status', 'in', ['belum_bayar', 'sebagian'])
      .orderBy('due_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('services')
      .select(['id', 'sid', 'status'])
      .where('company_id', '=', companyId)
      .where('customer_id', '=', customerId)
      .where('status', '!=', 'putus')
      .orderBy('id')
      .execute(),
    listPromises(db, companyId, asOf, customerId),
  ])
  const changes = services.length
    ? await db
        .selectFrom('service_history')
        .select(['service_id', 'to_value', 'effective_date', 'reason', 'username', 'at', 'id'])
        .where(
          'service_id',
          'in',
          services.map((s) => s.id),
        )
        .where('kind', '=', 'status')
        .where('pending', '=', 0)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .execute()
    : []
  const open = invoices.map((i) => ({
    id: i.id,
    number: i.number,
    period: i.period,
    dueDate: i.dueDate,
    remaining: i.total - i.paid,
    overdue: i.dueDate < asOf,
  }))
  const overdue = open.filter((i) => i.overdue)
  const sum = (rows: { remaining: number }[]) => rows.reduce((a, r) => a + r.remaining, 0)
  return {
    asOf,
    arrears: {
      total: sum(open),
      count: open.length,
      overdueTotal: sum(overdue),
      overdueCount: overdue.length,
      oldestDueDate: open[0]?.dueDate ?? null,
    },
    openInvoices: open.slice(0, OPEN_SHOWN),
    noIsolir: customer.no_isolir === 1,
    noIsolirReason: customer.no_isolir_reason,
    promiseUntil: promises[0]?.untilDate ?? null,
    services: services.map((s) => {
      const last = changes.find((c) => c.service_id === s.id && c.to_value === s.status)
      return {
        serviceId: s.id,
        sid: s.sid,
        status: s.status,
        since: last?.effective_date ?? null,
        reason: last?.reason ?? null,
        by: last?.username ?? null,
      }
    }),
  }
}

export type CustomerBillingState = Awaited<ReturnType<typeof customerBillingState>>
