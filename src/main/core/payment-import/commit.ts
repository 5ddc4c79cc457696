import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import type { ImportRowError } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { writeTx } from '../db'
import type { CoreDeps } from '../deps'
import { insertPayment } from '../payments'
import type { PaymentFile } from './parse'
import { planPaymentImport, type PlannedPayment } from './plan'

export interface PaymentImportResult {
  fileName: string
  /** Every row, in recording order; `receipt` once recorded. */
  rows: (PlannedPayment & { receipt: string | null; paymentId: number | null })[]
  errors: ImportRowError[]
  total: { count: number; amount: number }
  imported: boolean
  /** Receipt numbers of the recorded payments, first to last (gapless: one transaction). */
  receipts: string[]
}

/** What the file would record, without writing anything (the preview step and --dry-run). */
export async function previewPaymentImport(
  deps: CoreDeps,
  companyId: number,
  file: PaymentFile,
  timeZone: string,
): Promise<PaymentImportResult> {
  const plan = await planPaymentImport(
    deps.db,
    companyId,
    file,
    dateInZone(deps.clock.now(), timeZone),
  )
  return {
    fileName: file.fileName,
    ...plan,
    rows: plan.rows.map((r) => ({ ...r, receipt: null, paymentId: null })),
    imported: false,
    receipts: [],
  }
}

/**
 * All or nothing: planned afresh inside one write transaction (another cashier may have recorded
 * a reference since the preview), then every row through `insertPayment` with its own date, so
 * allocation, credit, receipt numbers and audit are exactly those of the counter. Any error in
 * any row, or any failure while writing, and nothing of the file is recorded.
 */
export async function commitPaymentImport(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  file: PaymentFile,
  timeZone: string,
): Promise<PaymentImportResult> {
  const today = dateInZone(deps.clock.now(), timeZone)
  return writeTx(deps.db, async (tx) => {
    const plan = await planPaymentImport(tx, actor.companyId, file, today)
    if (plan.errors.length) {
      throw new AppError(
        'IMPORT_HAS_ERRORS',
        `${plan.errors.length} problem(s) in ${file.fileName}`,
        { errors: plan.errors.slice(0, 500) },
      )
    }
    if (!plan.rows.length) {
      throw new AppError('VALIDATION', `${file.fileName} has no payment rows`, {
        messageKey: 'paymentImport.errors.no_rows',
      })
    }
    const rows: PaymentImportResult['rows'] = []
    for (const r of plan.rows) {
      const recorded = await insertPayment(
        tx,
        deps,
        actor,
        {
          customerId: r.customerId!,
          amount: r.amount!,
          method: r.method!,
          reference: r.reference,
          invoiceId: null,
          notes: r.notes ?? `Impor ${file.fileName} baris ${r.row}`,
        },
        { date: r.date!, source: 'import' },
      )
      rows.push({ ...r, receipt: recorded.number, paymentId: recorded.paymentId })
    }
    const receipts = rows.map((r) => r.receipt!)
    await appendAudit(tx, deps.clock, actor, {
      action: 'payments.import',
      entityType: 'import',
      entityId: file.fileName,
      after: {
        file: file.fileName,
        count: plan.total.count,
        total: plan.total.amount,
        first_receipt: receipts[0],
        last_receipt: receipts.at(-1),
      },
    })
    return {
      fileName: file.fileName,
      rows,
      errors: [],
      total: plan.total,
      imported: true,
      receipts,
    }
  })
}
