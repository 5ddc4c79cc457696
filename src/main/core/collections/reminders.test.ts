import { describe, expect, it } from 'vitest'
import { runReminders } from './reminders'
import { collectionsFixture } from './testing'

/**
 * BILLING.md rule 28 on a real database: January's invoices are issued on 1 Jan and due on
 * 11 Jan (issue date + 10 days), so D-3 is 8 Jan, D0 11 Jan and D+3 14 Jan.
 */
async function january() {
  const f = await collectionsFixture()
  await f.whatsappOn()
  const ani = await f.customer('Ani Rahayu')
  await f.contact(ani.customerId, { phone: '0812-1111-2222' })
  await f.run('2026-01', '2026-01-01')
  return { f, ani }
}

describe('rule 28: reminders at D-3, D0 and D+3', () => {
  it('each of D-3, D0 and D+3 queues one reminder per customer, and the days between none', async () => {
    const { f, ani } = await january()
    const byDay: Record<string, unknown> = {}
    for (const day of ['2026-01-07', '2026-01-08', '2026-01-09', '2026-01-11', '2026-01-14'])
      byDay[day] = await runReminders(f.deps, f.ctx(day))
    expect(byDay['2026-01-07']).toMatchObject({ customers: 0, queued: 0 })
    expect(byDay['2026-01-08']).toMatchObject({ customers: 1, queued: 1 })
    expect(byDay['2026-01-09']).toMatchObject({ customers: 0, queued: 0 })
    expect(byDay['2026-01-11']).toMatchObject({ customers: 1, queued: 1 })
    expect(byDay['2026-01-14']).toMatchObject({ customers: 1, queued: 1 })
    const sent = await f.messages('reminder')
    expect(sent.map((m) => m.dedupe_key)).toEqual([
      `reminder:${ani.customerId}:2026-01-11:-3`,
      `reminder:${ani.customerId}:2026-01-11:0`,
      `reminder:${ani.customerId}:2026-01-11:3`,
    ])
    expect(sent.every((m) => m.status === 'antri' && m.recipient === '6281211112222')).toBe(true)
  })

  it('the reminder lists every open invoice of the customer, the total and the due date', async () => {
    const f = await collectionsFixture()
    await f.whatsappOn()
    const budi = await f.customer('Budi Santoso')
    await f.contact(budi.customerId, { phone: '081233334444' })
    await f.run('2026-01', '2026-01-01')
    f.at('2026-02-01')
    await f.run('2026-02', '2026-02-01')
    // February's invoice is due 11 Feb: D-3 is 8 Feb; January's is still open.
    expect(await runReminders(f.deps, f.ctx('2026-02-08'))).toMatchObject({ queued: 1 })
    const [m] = await f.messages('reminder')
    const [jan, feb] = await f.invoicesOf(budi.customerId)
    expect(m!.body).toContain(`- Januari 2026 (${jan!.number}): Rp150.000`)
    expect(m!.body).toContain(`- Februari 2026 (${feb!.number}): Rp150.000`)
    expect(m!.body).toContain('Total: Rp300.000')
    expect(m!.body).toContain('Jatuh tempo: 11 Februari 2026')
    expect(m!.body).toContain('Halo Budi Santoso')
    expect(m).toMatchObject({ ref_type: 'invoice', ref_id: feb!.id })
  })

  it('a day replayed twice queues nothing twice', async () => {
    const { f } = await january()
    expect(await runReminders(f.deps, f.ctx('2026-01-08'))).toMatchObject({ queued: 1 })
    expect(await runReminders(f.deps, f.ctx('2026-01-08'))).toMatchObject({
      queued: 0,
      skipped: 0,
      duplicates: 1,
    })
    expect(await f.messages('reminder')).toHaveLength(1)
  })

  it('a paid invoice is not reminded', async () => {
    const { f, ani } = await january()
    await f.pay(ani.customerId, 150_000, '2026-01-05')
    expect(await runReminders(f.deps, f.ctx('2026-01-08'))).toMatchObject({ customers: 0 })
    expect(await f.messages('reminder')).toHaveLength(0)
  })

  it('customers without a number or who opted out are recorded as skipped with the reason', async () => {
    const { f } = await january()
    const noPhone = await f.customer('Citra Tanpa Nomor')
    const optOut = await f.customer('Dodi Tidak Mau')
    const bad = await f.customer('Eka Nomor Salah')
    await f.contact(optOut.customerId, { phone: '081255556666', optOut: true })
    await f.contact(bad.customerId, { phone: '12345' })
    f.at('2026-01-01')
    // A correction run: the three new customers get their January invoices (same due date).
    await f.run('2026-01', '2026-01-01')
    const counts = await runReminders(f.deps, f.ctx('2026-01-08'))
    expect(counts).toMatchObject({
      customers: 4,
      queued: 1,
      skipped: 3,
      skipped_no_number: 1,
      skipped_opted_out: 1,
      skipped_invalid_number: 1,
    })
    const skipped = (await f.messages('reminder')).filter((m) => m.status === 'dilewati')
    expect(Object.fromEntries(skipped.map((m) => [m.customer_id, m.reason]))).toEqual({
      [noPhone.customerId]: 'no_number',
      [optOut.customerId]: 'opted_out',
      [bad.customerId]: 'invalid_number',
    })
  })

  it('offsets follow the policy, and reminders can be switched off', async () => {
    const { f } = await january()
    await f.policy({ reminderOffsets: [-1] })
    expect(await runReminders(f.deps, f.ctx('2026-01-08'))).toMatchObject({ customers: 0 })
    expect(await runReminders(f.deps, f.ctx('2026-01-10'))).toMatchObject({ queued: 1 })
    await f.policy({ autoReminders: false })
    expect(await runReminders(f.deps, f.ctx('2026-01-11'))).toEqual({ disabled: 1 })
    expect(await f.messages('reminder')).toHaveLength(1)
  })
})
