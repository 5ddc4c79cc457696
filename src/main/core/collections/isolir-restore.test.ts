import { describe, expect, it } from 'vitest'
import { runAutoIsolir } from './auto-isolir'
import { createPromise, setCustomerFlags } from './customer-flags'
import { isolirPreview } from './isolir-preview'
import { runRestore } from './restore'
import { collectionsFixture } from './testing'

/**
 * BILLING.md rules 29 and 30 on a real database. January's invoice (Rp150.000) is due 11 Jan;
 * with the default 7 grace days isolir comes on 18 Jan. The router side (the ISOLIR profile on
 * a RouterOS simulator) is in test/integration/collections-autopilot.test.ts.
 */
async function overdue(name = 'Ani Rahayu') {
  const f = await collectionsFixture()
  await f.whatsappOn()
  const ani = await f.customer(name)
  await f.contact(ani.customerId, { phone: '081211112222' })
  await f.run('2026-01', '2026-01-01')
  return { f, ani }
}

describe('rule 29: isolir at due date + grace days, after a preview', () => {
  it('isolates at due + 7 and not at due + 6, and writes why', async () => {
    const { f, ani } = await overdue()
    const [invoice] = await f.invoicesOf(ani.customerId)
    expect((await isolirPreview(f.deps, f.companyId, '2026-01-17')).rows).toEqual([])
    expect(await runAutoIsolir(f.deps, f.ctx('2026-01-17'))).toMatchObject({ isolated: 0 })
    expect(await f.serviceStatus(ani.serviceId)).toBe('aktif')

    const preview = await isolirPreview(f.deps, f.companyId, '2026-01-18')
    expect(preview.rows).toEqual([
      expect.objectContaining({
        serviceId: ani.serviceId,
        customerCode: ani.code,
        oldestNumber: invoice!.number,
        oldestDue: '2026-01-11',
        daysOverdue: 7,
        overdueAmount: 150_000,
        will: 'isolir',
      }),
    ])
    expect(await runAutoIsolir(f.deps, f.ctx('2026-01-18'))).toMatchObject({
      isolated: 1,
      messages_queued: 1,
    })
    expect(await f.serviceStatus(ani.serviceId)).toBe('isolir')
    const [action] = await f.actions()
    expect(action).toMatchObject({
      service_id: ani.serviceId,
      action: 'isolir',
      as_of: '2026-01-18',
    })
    expect(action!.reason).toContain(invoice!.number!)
    expect(action!.reason).toContain('7 hari lewat')
    const [notice] = await f.messages('isolir_notice')
    expect(notice).toMatchObject({
      dedupe_key: `isolir:${ani.serviceId}:2026-01-18`,
      status: 'antri',
    })
    expect(notice!.body).toContain('Total: Rp150.000')
    // The office's number as people dial it, not the stored 62….
    expect(notice!.body).toContain('Bantuan: 0812-3456-7890')
  })

  it('running the day twice isolates nobody twice and tells nobody twice', async () => {
    const { f, ani } = await overdue()
    await runAutoIsolir(f.deps, f.ctx('2026-01-18'))
    const again = await runAutoIsolir(f.deps, f.ctx('2026-01-18'))
    expect(again).toMatchObject({ isolated: 0, already_isolated: 1, messages_queued: 0 })
    expect(await f.actions()).toHaveLength(1)
    expect(await f.messages('isolir_notice')).toHaveLength(1)
    const notes = await f.db.selectFrom('notifications').selectAll().execute()
    expect(notes).toEqual([
      expect.objectContaining({
        kind: 'isolir_done',
        link: '/collections?tab=isolir&date=2026-01-18',
      }),
    ])
    // Restored by hand the same day: a rerun of that day leaves it as the office decided.
    await f.db
      .updateTable('services')
      .set({ status: 'aktif' })
      .where('id', '=', ani.serviceId)
      .execute()
    expect(await runAutoIsolir(f.deps, f.ctx('2026-01-18'))).toMatchObject({
      isolated: 0,
      done_earlier: 1,
    })
    expect(await f.serviceStatus(ani.serviceId)).toBe('aktif')
  })

  it('a promise to pay skips isolir through its date (inclusive) and isolates the day after', async () => {
    const { f, ani } = await overdue()
    f.at('2026-01-16')
    await createPromise(
      f.deps,
      f.actor,
      { customerId: ani.customerId, untilDate: '2026-01-20', note: 'gajian tgl 20' },
      f.tz,
    )
    for (const day of ['2026-01-18', '2026-01-20']) {
      const [row] = (await isolirPreview(f.deps, f.companyId, day)).rows
      expect(row).toMatchObject({
        will: 'skip',
        skip: 'promise',
        promise: { untilDate: '2026-01-20', username: 'owner', note: 'gajian tgl 20' },
      })
      expect(await runAutoIsolir(f.deps, f.ctx(day))).toMatchObject({
        isolated: 0,
        skipped_promise: 1,
      })
    }
    expect(await f.serviceStatus(ani.serviceId)).toBe('aktif')
    expect(await runAutoIsolir(f.deps, f.ctx('2026-01-21'))).toMatchObject({ isolated: 1 })
    expect(await f.serviceStatus(ani.serviceId)).toBe('isolir')
  })

  it('a promise in the past is refused; a new promise replaces the open one', async () => {
    const { f, ani } = await overdue()
    f.at('2026-01-16')
    await expect(
      createPromise(
        f.deps,
        f.actor,
        { customerId: ani.customerId, untilDate: '2026-01-15', note: null },
        f.tz,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    await createPromise(
      f.deps,
      f.actor,
      { customerId: ani.customerId, untilDate: '2026-01-25', note: null },
      f.tz,
    )
    await createPromise(
      f.deps,
      f.actor,
      { customerId: ani.customerId, untilDate: '2026-01-19', note: null },
      f.tz,
    )
    // Only the latest counts: isolir waits through 19 Jan, not 25 Jan.
    expect(await runAutoIsolir(f.deps, f.ctx('2026-01-19'))).toMatchObject({ isolated: 0 })
    expect(await runAutoIsolir(f.deps, f.ctx('2026-01-20'))).toMatchObject({ isolated: 1 })
  })

  it('a customer excluded from isolir is skipped with the reason', async () => {
    const { f, ani } = await overdue('Masjid Al-Ikhlas')
    await setCustomerFlags(f.deps, f.actor, {
      customerId: ani.customerId,
      noIsolir: true,
      noIsolirReason: 'Masjid, dibayar kas RW',
      messagesOptOut: false,
    })
    const [row] = (await isolirPreview(f.deps, f.companyId, '2026-01-18')).rows
    expect(row).toMatchObject({
      will: 'skip',
      skip: 'excluded',
      excludedReason: 'Masjid, dibayar kas RW',
    })
    expect(await runAutoIsolir(f.deps, f.ctx('2026-01-18'))).toMatchObject({
      isolated: 0,
      skipped_excluded: 1,
    })
    expect(await f.serviceStatus(ani.serviceId)).toBe('aktif')
  })

  it('switched off, the preview still shows who is overdue and the job does nothing', async () => {
    const { f, ani } = await overdue()
    await f.policy({ autoIsolir: false })
    const [row] = (await isolirPreview(f.deps, f.companyId, '2026-01-18')).rows
    expect(row).toMatchObject({ will: 'skip', skip: 'auto_off' })
    expect(await runAutoIsolir(f.deps, f.ctx('2026-01-18'))).toEqual({ disabled: 1 })
    expect(await f.serviceStatus(ani.serviceId)).toBe('aktif')
  })
})

describe('rule 30: restore when the overdue balance is zero', () => {
  it('paying in full restores at once, with a receipt and a "layanan aktif kembali" message', async () => {
    const { f, ani } = await overdue()
    await runAutoIsolir(f.deps, f.ctx('2026-01-18'))
    const half = await f.pay(ani.customerId, 75_000, '2026-01-19')
    expect(half.after).toMatchObject({ receipt_queued: 1, restored: 0, still_overdue: 1 })
    expect(await f.serviceStatus(ani.serviceId)).toBe('isolir')
    const rest = await f.pay(ani.customerId, 75_000, '2026-01-20')
    expect(rest.after).toMatchObject({ receipt_queued: 1, restored: 1, messages_queued: 1 })
    expect(await f.serviceStatus(ani.serviceId)).toBe('aktif')

    const receipts = await f.messages('payment_receipt')
    expect(receipts.map((m) => m.dedupe_key)).toEqual([
      `receipt:${half.payment.paymentId}`,
      `receipt:${rest.payment.paymentId}`,
    ])
    const [invoice] = await f.invoicesOf(ani.customerId)
    expect(receipts[1]!.body).toContain('pembayaran Rp75.000 pada 20 Januari 2026')
    expect(receipts[1]!.body).toContain(`- Januari 2026 (${invoice!.number}): Rp75.000`)
    const [restored] = await f.messages('service_restored')
    expect(restored).toMatchObject({ dedupe_key: `restore:${ani.serviceId}:2026-01-20` })
    expect(restored!.body).toContain('sudah aktif kembali')
    expect((await f.actions()).map((a) => [a.action, a.as_of])).toEqual([
      ['isolir', '2026-01-18'],
      ['restore', '2026-01-20'],
    ])
  })

  it('with policy any_payment a partial payment restores', async () => {
    const { f, ani } = await overdue()
    await f.policy({ restoreOn: 'any_payment' })
    await runAutoIsolir(f.deps, f.ctx('2026-01-18'))
    expect((await f.pay(ani.customerId, 50_000, '2026-01-19')).after).toMatchObject({ restored: 1 })
    expect(await f.serviceStatus(ani.serviceId)).toBe('aktif')
  })

  it('the restore job restores what was paid without the cashier, once, and not services isolated by hand', async () => {
    const { f, ani } = await overdue()
    const byHand = await f.customer('Budi Isolir Manual')
    await f.db
      .updateTable('services')
      .set({ status: 'isolir' })
      .where('id', '=', byHand.serviceId)
      .execute()
    await runAutoIsolir(f.deps, f.ctx('2026-01-18'))
    // A payment recorded without afterPayment (e.g. an import): the nightly run catches it.
    f.at('2026-01-19')
    const { recordPayment } = await import('../payments')
    await recordPayment(
      f.deps,
      f.actor,
      {
        customerId: ani.customerId,
        amount: 150_000,
        method: 'cash',
        reference: null,
        invoiceId: null,
        notes: null,
      },
      f.tz,
    )
    expect(await runRestore(f.deps, f.ctx('2026-01-19'))).toMatchObject({
      restored: 1,
      messages_queued: 1,
    })
    expect(await runRestore(f.deps, f.ctx('2026-01-19'))).toMatchObject({
      restored: 0,
      messages_queued: 0,
    })
    expect(await f.serviceStatus(ani.serviceId)).toBe('aktif')
    expect(await f.serviceStatus(byHand.serviceId)).toBe('isolir')
    const notes = await f.db.selectFrom('notifications').select('kind').execute()
    expect(notes.map((n) => n.kind)).toEqual(['isolir_done', 'restore_done'])
  })

  it('an overdue customer is not restored while a later invoice is still within its grace days', async () => {
    const { f, ani } = await overdue()
    await runAutoIsolir(f.deps, f.ctx('2026-01-18'))
    f.at('2026-02-01')
    await f.run('2026-02', '2026-02-01')
    // January paid on 5 Feb; February (due 11 Feb) is open but not past due + grace.
    expect((await f.pay(ani.customerId, 150_000, '2026-02-05')).after).toMatchObject({
      restored: 1,
    })
    // …and it isolates again on 18 Feb.
    expect(await runAutoIsolir(f.deps, f.ctx('2026-02-18'))).toMatchObject({ isolated: 1 })
  })
})
