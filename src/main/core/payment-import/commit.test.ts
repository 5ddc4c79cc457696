import { describe, expect, it } from 'vitest'
import type { AppError } from '@shared/errors'
import { formatRupiah } from '@shared/money'
import { billingFixture } from '../billing/testing'
import { createGuardTrigger } from '../db'
import { recordPayment } from '../payments'
import { commitPaymentImport, parsePaymentFile, previewPaymentImport } from './index'

const HEADER = 'kode_pelanggan;jumlah;metode;referensi;tanggal'

/** Two customers billed for January and February 2026 (150,000 each month), on 10 Feb 2026. */
async function setup() {
  const f = await billingFixture()
  const ani = await f.customer('Ani')
  const budi = await f.customer('Budi')
  await f.run('2026-01', '2026-01-01')
  f.clock.set('2026-02-01T03:00:00Z')
  await f.run('2026-02', '2026-02-01')
  f.clock.set('2026-02-10T03:00:00Z')
  const file = (...lines: string[]) =>
    parsePaymentFile(Buffer.from([HEADER, ...lines].join('\n')), 'mutasi.csv')
  const payments = () => f.db.selectFrom('payments').selectAll().orderBy('id').execute()
  const audits = (action: string) =>
    f.db.selectFrom('audit_log').select('after_json').where('action', '=', action).execute()
  return { ...f, ani, budi, file, payments, audits }
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  )

describe('payment import', () => {
  it('previews each row with the customer, what they owe before it, and the totals', async () => {
    const f = await setup()
    const input = await f.file(
      `${f.ani.code};200.000;transfer;BCA-1;05/02/2026`,
      `${f.ani.code};Rp 150.000;tf;BCA-2;06-02-2026`,
      `${f.budi.code.toLowerCase()};50000;tunai;;2026-02-07`,
    )
    const preview = await previewPaymentImport(f.deps, f.companyId, input, f.tz)
    expect(preview.errors).toEqual([])
    expect(
      preview.rows.map((r) => [
        r.row,
        r.customerName,
        r.amount,
        r.method,
        r.balanceBefore,
        r.toCredit,
      ]),
    ).toEqual([
      [2, 'Ani', 200_000, 'transfer', 300_000, 0],
      // The earlier row of the same customer is counted: 100,000 left, 50,000 becomes credit.
      [3, 'Ani', 150_000, 'transfer', 100_000, 50_000],
      [4, 'Budi', 50_000, 'cash', 300_000, 0],
    ])
    expect(preview.total).toEqual({ count: 3, amount: 400_000 })
    expect(await f.payments()).toEqual([])
  })

  it('records every row in one go, oldest invoice first, on the dates of the file', async () => {
    const f = await setup()
    const [jan, feb] = await f.invoicesOf(f.ani.customerId)
    const result = await commitPaymentImport(
      f.deps,
      f.actor,
      await f.file(
        `${f.budi.code};150.000;ovo;OVO-77;2026-02-08`,
        `${f.ani.code};200.000;transfer;BCA-1;05/02/2026`,
      ),
      f.tz,
    )
    expect(result.imported).toBe(true)
    // Recorded by date: Ani's payment of the 5th gets the first receipt.
    expect(result.rows.map((r) => [r.row, r.receipt])).toEqual([
      [3, result.receipts[0]],
      [2, result.receipts[1]],
    ])
    const numbers = result.receipts.map((n) => Number(n.match(/(\d+)$/)![1]))
    expect(numbers[1]).toBe(numbers[0]! + 1)
    const recorded = await f.payments()
    expect(
      recorded.map((p) => [p.source, p.received_date, p.method, p.reference, p.amount]),
    ).toEqual([
      ['import', '2026-02-05', 'transfer', 'BCA-1', 200_000],
      ['import', '2026-02-08', 'ewallet', 'OVO-77', 150_000],
    ])
    const [janAfter, febAfter] = await f.invoicesOf(f.ani.customerId)
    expect([janAfter!.id, janAfter!.paid, janAfter!.payment_status]).toEqual([
      jan!.id,
      150_000,
      'lunas',
    ])
    expect([febAfter!.id, febAfter!.paid, febAfter!.payment_status]).toEqual([
      feb!.id,
      50_000,
      'sebagian',
    ])
    expect(await f.audits('payments.record')).toHaveLength(2)
    const audit = await f.audits('payments.import')
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({
      file: 'mutasi.csv',
      count: 2,
      total: 350_000,
    })
  })

  it('refuses a reference already recorded, and a date after today in the company time zone', async () => {
    const f = await setup()
    await recordPayment(
      f.deps,
      f.actor,
      {
        customerId: f.ani.customerId,
        amount: 10_000,
        method: 'transfer',
        reference: 'BCA-1',
        invoiceId: null,
        notes: null,
      },
      f.tz,
    )
    // 10 Feb 20:00 in Jakarta is still 10 Feb 13:00 UTC: the 11th is tomorrow there.
    f.clock.set('2026-02-10T13:00:00Z')
    const input = await f.file(
      `${f.ani.code};150000;transfer;bca-1;2026-02-09`,
      `${f.budi.code};150000;tunai;;2026-02-11`,
      `${f.budi.code};150000;tunai;;2026-02-10`,
    )
    const preview = await previewPaymentImport(f.deps, f.companyId, input, f.tz)
    expect(preview.errors.map((e) => [e.row, e.messageKey, e.params])).toEqual([
      [2, 'paymentImport.errors.reference_taken', { value: 'bca-1', number: expect.any(String) }],
      [3, 'paymentImport.errors.date_future', { value: '2026-02-11', today: '2026-02-10' }],
    ])
    expect(preview.rows.find((r) => r.row === 4)!.ok).toBe(true)
    const error = await failure(commitPaymentImport(f.deps, f.actor, input, f.tz))
    expect(error?.code).toBe('IMPORT_HAS_ERRORS')
    expect(await f.payments()).toHaveLength(1)
  })

  it('one bad row and nothing of the file is recorded', async () => {
    const f = await setup()
    const counters = () => f.db.selectFrom('counters').selectAll().execute()
    const before = await counters()
    const input = await f.file(
      `${f.ani.code};150000;transfer;BCA-1;2026-02-05`,
      `XXX-9999;150000;transfer;BCA-2;2026-02-05`,
      `${f.budi.code};150000;transfer;BCA-1;2026-02-05`,
    )
    const error = await failure(commitPaymentImport(f.deps, f.actor, input, f.tz))
    expect(error?.code).toBe('IMPORT_HAS_ERRORS')
    expect(
      (error?.details?.errors as { row: number; messageKey: string }[]).map((e) => [
        e.row,
        e.messageKey,
      ]),
    ).toEqual([
      [3, 'paymentImport.errors.unknown_customer'],
      [4, 'import.duplicate_in_file'],
    ])
    expect(await f.payments()).toEqual([])
    expect(await counters()).toEqual(before)
    expect(await f.audits('payments.import')).toEqual([])
  })

  it('a failure while writing leaves no payment, receipt number or audit entry behind', async () => {
    const f = await setup()
    const before = await f.db.selectFrom('counters').selectAll().execute()
    // A failure the planner cannot foresee: the database refuses the second payment.
    await createGuardTrigger(f.db, {
      name: 'refuse_one',
      table: 'payments',
      event: 'INSERT',
      when: "NEW.reference = 'BCA-2'",
      message: 'disk full',
    })
    const input = await f.file(
      `${f.ani.code};150000;transfer;BCA-1;2026-02-05`,
      `${f.budi.code};150000;transfer;BCA-2;2026-02-06`,
    )
    await expect(commitPaymentImport(f.deps, f.actor, input, f.tz)).rejects.toThrow(/disk full/)
    expect(await f.payments()).toEqual([])
    expect(await f.db.selectFrom('counters').selectAll().execute()).toEqual(before)
    expect(await f.audits('payments.record')).toEqual([])
    const [jan] = await f.invoicesOf(f.ani.customerId)
    expect(jan!.paid).toBe(0)
  })

  it('refuses what the counter would refuse: no overpayment when credit is off', async () => {
    const f = await setup()
    await f.settings({ allowCredit: false })
    const preview = await previewPaymentImport(
      f.deps,
      f.companyId,
      await f.file(`${f.ani.code};400000;transfer;BCA-1;2026-02-05`),
      f.tz,
    )
    expect(preview.errors).toEqual([
      {
        row: 2,
        column: 'jumlah',
        messageKey: 'paymentImport.errors.exceeds_due',
        params: { due: formatRupiah(300_000) },
      },
    ])
  })
})
