import { calendarDate } from '@shared/dates'
import { DEFAULT_BILLING_SETTINGS, type BillingSettingsInput } from '@shared/schemas'
import { createCustomer, addService } from '../customers'
import { catalogFixture, customerInput, serviceInput } from '../customers/testing'
import { writeTx } from '../db'
import { putBillingSettings } from '../settings'
import { runBilling } from './run'

/** Test fixtures only: a company with packages and helpers to add customers and run billing. */
export async function billingFixture(start = '2026-01-01T03:00:00Z') {
  const f = await catalogFixture()
  f.clock.set(start)
  const tz = 'Asia/Jakarta'
  const settings = async (patch: Partial<BillingSettingsInput>) =>
    writeTx(f.db, (tx) =>
      putBillingSettings(tx, f.companyId, { ...DEFAULT_BILLING_SETTINGS, ...patch }, start),
    )
  /** A customer with one service; returns ids. */
  const customer = async (
    name: string,
    o: {
      productId?: number
      activation?: string
      billingDay?: number | 'anniversary'
      price?: number | null
    } = {},
  ) => {
    const c = await createCustomer(f.deps, f.actor, customerInput(f.cbg.id, name))
    const s = await addService(
      f.deps,
      f.actor,
      {
        ...serviceInput(c.id, o.productId ?? f.p10.id),
        activationDate: o.activation ?? '2025-12-01',
        billingSchedule:
          o.billingDay === 'anniversary'
            ? { kind: 'anniversary' as const }
            : { kind: 'fixed' as const, day: o.billingDay ?? 1 },
        priceOverride: o.price ?? null,
      },
      tz,
    )
    return { customerId: c.id, code: c.code, serviceId: s.id }
  }
  const run = (period: string, asOf: string, dryRun = false) =>
    runBilling(f.deps, f.actor, { period, asOf: calendarDate(asOf), dryRun }, tz)
  const invoicesOf = (customerId: number) =>
    f.db
      .selectFrom('invoices')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('id')
      .execute()
  const linesOf = (invoiceId: number) =>
    f.db
      .selectFrom('invoice_lines')
      .selectAll()
      .where('invoice_id', '=', invoiceId)
      .orderBy('sort')
      .execute()
  return { ...f, tz, settings, customer, run, invoicesOf, linesOf }
}
