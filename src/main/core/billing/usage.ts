import type { Kysely } from 'kysely'
import { periodLabel } from '@shared/billing'
import { addMonths, calendarDate } from '@shared/dates'
import { idChunks, inIds, type Database } from '../db'
import { centiGb, periodDays } from '../usage'

/**
 * Usage charges (pay-as-you-go, extra quota) are billed in arrears from collected counters
 * (rule 17): the run for period P bills each service's usage of the calendar month before P
 * (`usage_daily` days in the company's time zone, the month the usage report shows).
 */
export interface UsageLine {
  serviceId: number
  description: string
  periodStart: string
  periodEnd: string
  amount: number
  taxable: boolean
}

/** What a package charges for usage: its quota and the price per GB past it, or per GB used. */
export interface UsagePricing {
  dataCapGb: number | null
  extraGbPrice: number | null
  usageGbPrice: number | null
  taxable: boolean
}

/** A service to bill usage for, with the package it had on the last day of the usage month. */
export interface UsageService {
  serviceId: number
  pricing: UsagePricing
}

export interface UsageSource {
  /** Lines for these services, for the usage month before the run's `period` (`YYYY-MM`). */
  linesFor(services: UsageService[], period: string): Promise<UsageLine[]>
}

/** Does the package bill usage at all? Only such services are read (nothing else costs a query). */
export const billsUsage = (p: UsagePricing) =>
  !!p.usageGbPrice || (!!p.extraGbPrice && p.dataCapGb !== null)

/** The usage month a run for `period` bills: the calendar month before it, `[from, to)`. */
export function usageMonth(period: string): { month: string; from: string; to: string } {
  const month = addMonths(calendarDate(`${period}-01`), -1).slice(0, 7)
  return { month, ...periodDays(month) }
}

// "12,35" GB and "Rp2.000" (no space, as the messages write rupiah) in a line's description.
const gbText = new Intl.NumberFormat('id-ID', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
})
const rupiahDigits = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 })

/**
 * The charge for a month's bytes (rule 17). GB are decimal (10^9 bytes) to the nearest 0.01 GB,
 * half up, as the usage report shows them; GB × price is rounded to whole rupiah, half up
 * (rule 7). Past a quota: (used − quota) × the extra price; pay-as-you-go: used × the price.
 * null when nothing is owed.
 */
export function usageCharge(
  bytes: number,
  p: UsagePricing,
  month: string,
): { description: string; amount: number } | null {
  const used = centiGb(bytes)
  let billed: number
  let price: number
  let what: string
  if (p.usageGbPrice) {
    billed = used
    price = p.usageGbPrice
    what = 'Pemakaian'
  } else if (p.extraGbPrice && p.dataCapGb !== null) {
    billed = used - p.dataCapGb * 100
    price = p.extraGbPrice
    what = 'Kelebihan pemakaian'
  } else {
    return null
  }
  if (billed <= 0) return null
  // Hundredths of a GB × whole rupiah: integer arithmetic, no binary fractions on the way.
  const amount = Math.floor((billed * price + 50) / 100)
  if (amount <= 0) return null
  return {
    description: `${what} ${gbText.format(billed / 100)} GB × Rp${rupiahDigits.format(price)} — ${periodLabel(month)}`,
    amount,
  }
}

/**
 * The services among these whose usage lines for the month starting `periodStart` are on a live
 * (not void) invoice: each usage month of a service is billed once (rule 4 for usage). A voided
 * invoice frees its usage, like its periods; a credit note does not.
 */
export async function billedUsageOf(
  db: Kysely<Database>,
  serviceIds: number[],
  periodStart: string,
): Promise<Set<number>> {
  const billed = new Set<number>()
  for (const chunk of idChunks(db, serviceIds)) {
    const rows = await db
      .selectFrom('invoice_lines as l')
      .innerJoin('invoices as i', 'i.id', 'l.invoice_id')
      .select('l.service_id')
      .where('l.kind', '=', 'usage')
      .where(inIds(db, 'l.service_id', chunk))
      .where('l.period_start', '=', periodStart)
      .where('i.status', '!=', 'void')
      .execute()
    for (const r of rows) billed.add(r.service_id!)
  }
  return billed
}

/**
 * The usage source over collected counters (`usage_daily`): one aggregate query for the run
 * (ids chunked on SQLite), for the services not billed for that month yet.
 */
export function usageFromCounters(db: Kysely<Database>): UsageSource {
  return {
    async linesFor(services, period) {
      if (!services.length) return []
      const { month, from, to } = usageMonth(period)
      const billed = await billedUsageOf(
        db,
        services.map((s) => s.serviceId),
        from,
      )
      const todo = services.filter((s) => !billed.has(s.serviceId))
      const bytes = new Map<number, number>()
      for (const chunk of idChunks(
        db,
        todo.map((s) => s.serviceId),
      )) {
        const rows = await db
          .selectFrom('usage_daily')
          .select((eb) => [
            'service_id',
            eb.fn.sum<number>('upload_bytes').as('up'),
            eb.fn.sum<number>('download_bytes').as('down'),
          ])
          .where(inIds(db, 'service_id', chunk))
          .where('day', '>=', from)
          .where('day', '<', to)
          .groupBy('service_id')
          .execute()
        for (const r of rows) bytes.set(r.service_id, Number(r.up ?? 0) + Number(r.down ?? 0))
      }
      const lines: UsageLine[] = []
      for (const s of todo) {
        const charge = usageCharge(bytes.get(s.serviceId) ?? 0, s.pricing, month)
        if (!charge) continue
        lines.push({
          serviceId: s.serviceId,
          ...charge,
          periodStart: from,
          periodEnd: to,
          taxable: s.pricing.taxable,
        })
      }
      return lines
    },
  }
}
