import { sql, type Kysely } from 'kysely'
import type { PaymentMethod } from '@shared/billing'
import { formatRupiah } from '@shared/money'
import type { ImportRowError } from '@shared/schemas'
import type { Database } from '../db'
import { getBillingSettings } from '../settings'
import type { PaymentFile } from './parse'

/** A row as the preview shows it: what it is and what it would pay. */
export interface PlannedPayment {
  row: number
  customerCode: string
  customerId: number | null
  customerName: string | null
  amount: number | null
  method: PaymentMethod | null
  reference: string | null
  date: string | null
  notes: string | null
  /** What the customer owes before this row (earlier rows of the file counted); null if unknown. */
  balanceBefore: number | null
  /** The part of the amount beyond that balance, which becomes the customer's credit. */
  toCredit: number | null
  ok: boolean
}

export interface PaymentPlan {
  /** In the order they would be recorded: by date, then by row (receipt numbers follow dates). */
  rows: PlannedPayment[]
  errors: ImportRowError[]
  total: { count: number; amount: number }
}

// SQLite allows tens of thousands of parameters, but a few hundred keep every statement small.
const CHUNK = 500

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
  return out
}

/**
 * Meets the parsed file with the database: unknown customers, references already recorded,
 * dates after today, and the billing rules `insertPayment` would refuse (minimum payment, no
 * credit allowed), walked in recording order so two rows of one customer see each other.
 * Read-only; the committer runs it again inside its write transaction.
 */
export async function planPaymentImport(
  tx: Kysely<Database>,
  companyId: number,
  file: PaymentFile,
  today: string,
): Promise<PaymentPlan> {
  const errors = [...file.errors]
  const fail = (
    row: number,
    column: string,
    key: string,
    params: Record<string, string | number>,
  ) => errors.push({ row, column, messageKey: key, params })
  const customers = new Map(
    (
      await tx
        .selectFrom('customers')
        .select(['id', 'code', 'name'])
        .where('company_id', '=', companyId)
        .execute()
    ).map((c) => [c.code.toUpperCase(), c]),
  )
  const taken = new Map<string, string>()
  const references = [
    ...new Set(file.rows.flatMap((r) => (r.reference ? [r.reference.toUpperCase()] : []))),
  ]
  for (const part of chunks(references)) {
    const used = await tx
      .selectFrom('payments')
      .select(['reference', 'number'])
      .where('company_id', '=', companyId)
      .where('status', '=', 'ok')
      .where(sql<string>`upper(reference)`, 'in', part)
      .execute()
    for (const u of used) taken.set(u.reference!.toUpperCase(), u.number)
  }
  const due = new Map(
    (
      await tx
        .selectFrom('invoices')
        .select((eb) => [
          'customer_id',
          eb.fn.sum<number>(eb('total', '-', eb.ref('paid'))).as('due'),
        ])
        .where('company_id', '=', companyId)
        .where('status', '=', 'issued')
        .where('payment_status', 'in', ['belum_bayar', 'sebagian'])
        .groupBy('customer_id')
        .execute()
    ).map((r) => [r.customer_id, Number(r.due)]),
  )
  const settings = await getBillingSettings(tx, companyId)

  const ordered = [...file.rows].sort(
    (a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.row - b.row,
  )
  const rows = ordered.map((r): PlannedPayment => {
    const before = errors.length
    const customer = r.customerCode ? customers.get(r.customerCode) : undefined
    if (r.customerCode && !customer)
      fail(r.row, 'kode_pelanggan', 'paymentImport.errors.unknown_customer', {
        value: r.customerCode,
      })
    if (r.date && r.date > today)
      fail(r.row, 'tanggal', 'paymentImport.errors.date_future', { value: r.date, today })
    const receipt = r.reference ? taken.get(r.reference.toUpperCase()) : undefined
    if (receipt)
      fail(r.row, 'referensi', 'paymentImport.errors.reference_taken', {
        value: r.reference!,
        number: receipt,
      })
    let balanceBefore: number | null = null
    let toCredit: number | null = null
    if (customer && r.amount !== null) {
      balanceBefore = due.get(customer.id) ?? 0
      toCredit = Math.max(0, r.amount - balanceBefore)
      // The same refusals as at the counter, so the commit cannot fail halfway on them.
      if (
        settings.minimumPayment > 0 &&
        r.amount < settings.minimumPayment &&
        r.amount < balanceBefore
      )
        fail(r.row, 'jumlah', 'paymentImport.errors.below_minimum', {
          min: formatRupiah(settings.minimumPayment),
        })
      if (!settings.allowCredit && toCredit > 0)
        fail(r.row, 'jumlah', 'paymentImport.errors.exceeds_due', {
          due: formatRupiah(balanceBefore),
        })
      due.set(customer.id, balanceBefore - Math.min(r.amount, balanceBefore))
    }
    return {
      row: r.row,
      customerCode: r.customerCode,
      customerId: customer?.id ?? null,
      customerName: customer?.name ?? null,
      amount: r.amount,
      method: r.method,
      reference: r.reference,
      date: r.date,
      notes: r.notes,
      balanceBefore,
      toCredit,
      ok: r.ok && errors.length === before,
    }
  })
  errors.sort((a, b) => a.row - b.row)
  return {
    rows,
    errors,
    total: { count: rows.length, amount: rows.reduce((sum, r) => sum + (r.amount ?? 0), 0) },
  }
}
