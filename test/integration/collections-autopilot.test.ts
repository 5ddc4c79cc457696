import { afterEach, describe, expect, it } from 'vitest'
import { runBilling } from '@core/billing'
import { afterPayment, queuePaymentReceipt, runAutoIsolir, runRestore } from '@core/collections'
import type { JobContext } from '@core/deps'
import { listDeviceJobs } from '@core/device-jobs'
import { recordPayment } from '@core/payments'
import { calendarDate } from '@shared/dates'
import { networkFixture } from '../helpers/network-fixture'

let f: Awaited<ReturnType<typeof networkFixture>>
afterEach(async () => {
  await f?.close()
})

/** December's invoice is issued 1 Dec and due 11 Dec; isolir comes on 18 Dec (7 grace days). */
async function overdueOnRouter() {
  f = await networkFixture()
  const c = await f.customer('Siti Aminah')
  await f.db
    .updateTable('customers')
    .set({ phone: '081277778888' })
    .where('id', '=', c.customerId)
    .execute()
  // WhatsApp set up and on; sending itself is the messaging module's (and its simulators') test.
  await f.db
    .insertInto('message_channels')
    .values({
      company_id: f.companyId,
      kind: 'whatsapp',
      provider: 'fonnte',
      config_sealed: 'test',
      rate_per_minute: 20,
      created_at: '2026-11-22T03:00:00Z',
      updated_at: '2026-11-22T03:00:00Z',
    })
    .execute()
  await f.drain()
  f.clock.set('2026-12-01T03:00:00Z')
  await runBilling(f.deps, f.actor, { period: '2026-12', asOf: calendarDate('2026-12-01') }, f.tz)
  const ctx = (asOf: string): JobContext => {
    f.clock.set(`${asOf}T03:00:00Z`)
    return {
      companyId: f.companyId,
      asOf,
      timeZone: f.tz,
      actor: f.actor,
      runId: null,
      trigger: 'cli',
    }
  }
  return { c, ctx }
}

describe('collections on autopilot against the RouterOS simulator', () => {
  it('isolir at due + 7 puts the ISOLIR profile on the router; running the day twice changes nothing', async () => {
    const { c, ctx } = await overdueOnRouter()
    expect(await runAutoIsolir(f.deps, ctx('2026-12-17'))).toMatchObject({ isolated: 0 })
    expect(await runAutoIsolir(f.deps, ctx('2026-12-18'))).toMatchObject({ isolated: 1 })
    // The database changed at once; the router follows through the queue.
    expect(f.secret(c.login)!.profile).toBe('10M')
    expect(await f.drain()).toMatchObject({ applied: 1, failed: 0 })
    expect(f.secret(c.login)!.profile).toBe('ISOLIR')

    const commands = f.sim.commands.length
    expect(await runAutoIsolir(f.deps, ctx('2026-12-18'))).toMatchObject({
      isolated: 0,
      already_isolated: 1,
    })
    expect(await listDeviceJobs(f.db, f.companyId, { status: 'open' })).toHaveLength(0)
    await f.drain()
    expect(f.sim.commands.length).toBe(commands)
  })

  it('a payment in full restores the package on the router and queues receipt and "aktif kembali"', async () => {
    const { c, ctx } = await overdueOnRouter()
    await runAutoIsolir(f.deps, ctx('2026-12-18'))
    await f.drain()
    ctx('2026-12-20')
    const paid = await recordPayment(
      f.deps,
      f.actor,
      {
        customerId: c.customerId,
        amount: 150_000,
        method: 'cash',
        reference: null,
        invoiceId: null,
        notes: null,
      },
      f.tz,
    )
    const deps = { ...f.deps, onMessages: () => woken++ }
    let woken = 0
    expect(
      await afterPayment(
        deps,
        f.actor,
        { customerId: c.customerId, paymentId: paid.paymentId },
        f.tz,
      ),
    ).toMatchObject({
      receipt_queued: 1,
      restored: 1,
      messages_queued: 1,
    })
    expect(woken).toBe(2)
    await f.drain()
    expect(f.secret(c.login)!.profile).toBe('10M')
    const kinds = await f.db
      .selectFrom('messages')
      .select(['kind', 'recipient', 'status'])
      .orderBy('id')
      .execute()
    expect(kinds).toEqual([
      { kind: 'isolir_notice', recipient: '6281277778888', status: 'antri' },
      { kind: 'payment_receipt', recipient: '6281277778888', status: 'antri' },
      { kind: 'service_restored', recipient: '6281277778888', status: 'antri' },
    ])
    // The nightly restore finds nothing left to do.
    expect(await runRestore(f.deps, ctx('2026-12-20'))).toMatchObject({ restored: 0 })
  })

  it('the counter receipt commits with its payment: both or neither', async () => {
    const { c, ctx } = await overdueOnRouter()
    ctx('2026-12-05')
    const request = {
      customerId: c.customerId,
      amount: 150_000,
      method: 'cash' as const,
      reference: null,
      invoiceId: null,
      notes: null,
    }
    const receipts = () =>
      f.db.selectFrom('messages').select('ref_id').where('kind', '=', 'payment_receipt').execute()
    // Something fails after the receipt is queued: the payment is not there either.
    await expect(
      recordPayment(f.deps, f.actor, request, f.tz, async (tx, p) => {
        await queuePaymentReceipt(tx, f.deps, f.actor, p.paymentId)
        throw new Error('disk full')
      }),
    ).rejects.toThrow('disk full')
    expect(await f.db.selectFrom('payments').select('id').execute()).toEqual([])
    expect(await receipts()).toEqual([])

    const paid = await recordPayment(f.deps, f.actor, request, f.tz, (tx, p) =>
      queuePaymentReceipt(tx, f.deps, f.actor, p.paymentId),
    )
    expect(await receipts()).toEqual([{ ref_id: paid.paymentId }])
    // What follows the commit does not queue it again.
    expect(
      await afterPayment(
        f.deps,
        f.actor,
        { customerId: c.customerId, paymentId: paid.paymentId },
        f.tz,
        { receipt: false },
      ),
    ).toMatchObject({ receipt_queued: 0 })
    expect(await receipts()).toHaveLength(1)
  })
})
