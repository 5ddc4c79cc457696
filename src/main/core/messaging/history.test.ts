import { describe, expect, it } from 'vitest'
import { createCustomer } from '../customers'
import { catalogFixture, customerInput } from '../customers/testing'
import { writeTx } from '../db'
import { queueMessages, type OutgoingMessage } from './outbox'
import { getMessage, listMessages } from './history'
import { cancelMessages, retryMessages } from './history-actions'

const TZ = 'Asia/Jakarta'

/**
 * A company with WhatsApp switched on and three customers: Budi and Siti with numbers, Agus
 * without. Messages are queued through the real outbox at the instants given.
 */
async function outboxFixture() {
  const f = await catalogFixture()
  const now = f.clock.now().toISOString()
  await f.db
    .insertInto('message_channels')
    .values({
      company_id: f.companyId,
      kind: 'whatsapp',
      provider: 'fonnte',
      config_sealed: '',
      rate_per_minute: 20,
      created_at: now,
      updated_at: now,
    })
    .execute()
  const budi = await createCustomer(
    f.deps,
    f.actor,
    customerInput(f.cbg.id, 'Budi', '6281211112222'),
  )
  const siti = await createCustomer(
    f.deps,
    f.actor,
    customerInput(f.cbg.id, 'Siti', '6281333334444'),
  )
  const agus = await createCustomer(f.deps, f.actor, customerInput(f.bjg.id, 'Agus'))
  const contacts = new Map([
    [budi.id, { phone: '6281211112222' }],
    [siti.id, { phone: '6281333334444' }],
    [agus.id, {}],
  ])
  const queue = (at: string, items: (Partial<OutgoingMessage> & { customerId: number })[]) =>
    writeTx(f.db, (tx) =>
      queueMessages(
        tx,
        { companyId: f.companyId, at, createdBy: 'owner' },
        items.map((m) => ({
          contact: contacts.get(m.customerId)!,
          kind: 'reminder' as const,
          subject: null,
          body: 'Pengingat tagihan',
          dedupeKey: null,
          ...m,
        })),
      ),
    )
  const ids = async () =>
    (await f.db.selectFrom('messages').select('id').orderBy('id').execute()).map((r) => r.id)
  const statusOf = async (id: number) =>
    f.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const woken = { count: 0 }
  const deps = { ...f.deps, onMessages: () => woken.count++ }
  return { ...f, deps, woken, budi, siti, agus, queue, ids, statusOf }
}

const list = (f: { db: import('../db').Db; companyId: number }, input = {}) =>
  listMessages(f.db, f.companyId, TZ, { limit: 50, ...input })

describe('message history', () => {
  it('dates are the company’s days: 00:30 WIB on 22 Nov belongs to the 22nd, 23:59 WIB on the 21st does not', async () => {
    const f = await outboxFixture()
    await f.queue('2026-11-21T16:59:00.000Z', [{ customerId: f.budi.id, body: 'malam' }])
    await f.queue('2026-11-21T17:30:00.000Z', [{ customerId: f.budi.id, body: 'pagi' }])
    const day = await list(f, { from: '2026-11-22', to: '2026-11-22' })
    expect(day.rows.map((r) => r.excerpt)).toEqual(['pagi'])
    const before = await list(f, { to: '2026-11-21' })
    expect(before.rows.map((r) => r.excerpt)).toEqual(['malam'])
  })

  it('finds a number however it is typed, words of the text, and the customer by name or code', async () => {
    const f = await outboxFixture()
    await f.queue('2026-11-20T03:00:00.000Z', [
      { customerId: f.budi.id, body: 'Tagihan November Rp150.000' },
      { customerId: f.siti.id, kind: 'test', body: 'Pesan uji saluran' },
      { customerId: f.agus.id, kind: 'broadcast', body: 'Gangguan jaringan di Bojonggede' },
    ])
    const found = async (q: string) => (await list(f, { q })).rows.map((r) => r.customerName)
    expect(await found('0812-1111-2222')).toEqual(['Budi'])
    expect(await found('+62 813 3333')).toEqual(['Siti'])
    expect(await found('6281211112222')).toEqual(['Budi'])
    expect(await found('gangguan')).toEqual(['Agus'])
    expect(await found('Siti')).toEqual(['Siti'])
    expect(await found(f.budi.code)).toEqual(['Budi'])
    expect(await found('tidak ada')).toEqual([])
  })

  it('filters by type, status and channel; the counts per status ignore the status filter', async () => {
    const f = await outboxFixture()
    await f.queue('2026-11-20T03:00:00.000Z', [
      { customerId: f.budi.id },
      { customerId: f.siti.id },
      { customerId: f.agus.id },
      { customerId: f.budi.id, kind: 'broadcast', body: 'Pemeliharaan' },
    ])
    const all = await list(f)
    expect(all.total).toBe(4)
    expect(all.counts).toEqual({ antri: 3, terkirim: 0, gagal: 0, dilewati: 1 })
    const skipped = await list(f, { status: 'dilewati' })
    expect(skipped.total).toBe(1)
    expect(skipped.rows).toMatchObject([{ customerName: 'Agus', reason: 'no_number' }])
    expect(skipped.counts).toEqual(all.counts)
    expect((await list(f, { kind: 'broadcast' })).rows.map((r) => r.excerpt)).toEqual([
      'Pemeliharaan',
    ])
    expect((await list(f, { kind: 'reminder', customerId: f.budi.id })).total).toBe(1)
    expect((await list(f, { channel: 'email' })).total).toBe(0)
  })

  it('pages newest first with no message twice, also among messages queued in the same instant', async () => {
    const f = await outboxFixture()
    await f.queue('2026-11-20T03:00:00.000Z', [{ customerId: f.budi.id, body: 'satu' }])
    await f.queue(
      '2026-11-21T03:00:00.000Z',
      ['dua', 'tiga', 'empat', 'lima'].map((body) => ({ customerId: f.siti.id, body })),
    )
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: Awaited<ReturnType<typeof listMessages>> = await list(f, { limit: 2, cursor })
      seen.push(...page.rows.map((r) => r.excerpt))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toEqual(['lima', 'empat', 'tiga', 'dua', 'satu'])
  })

  it('the detail has the whole text, the reason, the error and a link to the customer', async () => {
    const f = await outboxFixture()
    const long = `Halo Siti,\n${'x'.repeat(300)}`
    await f.queue('2026-11-20T03:00:00.000Z', [{ customerId: f.siti.id, body: long }])
    const [id] = await f.ids()
    await f.db
      .updateTable('messages')
      .set({
        status: 'gagal',
        reason: 'rejected',
        error_detail: 'HTTP 400: number not registered',
        attempts: 5,
      })
      .execute()
    const row = (await list(f)).rows[0]!
    expect(row.excerpt.length).toBe(140)
    const detail = await getMessage(f.db, f.companyId, id!)
    expect(detail).toMatchObject({
      body: long,
      status: 'gagal',
      reason: 'rejected',
      errorDetail: 'HTTP 400: number not registered',
      attempts: 5,
      nextAttemptAt: null,
      customer: { id: f.siti.id, code: f.siti.code, name: 'Siti' },
    })
    expect(await getMessage(f.db, f.companyId + 1, id!)).toBeNull()
  })
})

describe('retry and cancel', () => {
  it('retry puts failed messages back in the queue from attempt zero and wakes the sender', async () => {
    const f = await outboxFixture()
    await f.queue('2026-11-20T03:00:00.000Z', [
      { customerId: f.budi.id },
      { customerId: f.siti.id },
    ])
    const [failed, sent] = await f.ids()
    await f.db
      .updateTable('messages')
      .set({ status: 'gagal', reason: 'channel_down', error_detail: 'timeout', attempts: 6 })
      .where('id', '=', failed!)
      .execute()
    await f.db.updateTable('messages').set({ status: 'terkirim' }).where('id', '=', sent!).execute()
    f.clock.set('2026-11-22T05:00:00.000Z')

    expect(await retryMessages(f.deps, f.actor, { ids: [failed!, sent!] })).toEqual({ retried: 1 })
    expect(await f.statusOf(failed!)).toMatchObject({
      status: 'antri',
      attempts: 0,
      reason: null,
      error_detail: null,
      next_attempt_at: '2026-11-22T05:00:00.000Z',
    })
    expect((await f.statusOf(sent!)).status).toBe('terkirim')
    expect(f.woken.count).toBe(1)
    const audit = await f.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('action', '=', 'messages.retry')
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ count: 1 })
  })

  it('"retry all failed" takes every failed message and nothing else; with none, nothing is recorded', async () => {
    const f = await outboxFixture()
    await f.queue('2026-11-20T03:00:00.000Z', [
      { customerId: f.budi.id },
      { customerId: f.siti.id },
      { customerId: f.agus.id },
    ])
    await f.db
      .updateTable('messages')
      .set({ status: 'gagal' })
      .where('recipient', '!=', '')
      .execute()
    expect(await retryMessages(f.deps, f.actor, { allFailed: true })).toEqual({ retried: 2 })
    expect((await list(f)).counts).toEqual({ antri: 2, terkirim: 0, gagal: 0, dilewati: 1 })
    expect(await retryMessages(f.deps, f.actor, { allFailed: true })).toEqual({ retried: 0 })
    const entries = await f.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'messages.retry')
      .execute()
    expect(entries).toHaveLength(1)
  })

  it('cancel skips queued messages with the reason "cancelled"; a sent one stays sent', async () => {
    const f = await outboxFixture()
    await f.queue('2026-11-20T03:00:00.000Z', [
      { customerId: f.budi.id },
      { customerId: f.siti.id },
    ])
    const [queued, sent] = await f.ids()
    await f.db.updateTable('messages').set({ status: 'terkirim' }).where('id', '=', sent!).execute()
    expect(await cancelMessages(f.deps, f.actor, { ids: [queued!, sent!] })).toEqual({
      cancelled: 1,
    })
    expect(await f.statusOf(queued!)).toMatchObject({
      status: 'dilewati',
      reason: 'cancelled',
      next_attempt_at: null,
    })
    expect((await f.statusOf(sent!)).status).toBe('terkirim')
    const audit = await f.db
      .selectFrom('audit_log')
      .select(['entity_id'])
      .where('action', '=', 'messages.cancel')
      .execute()
    expect(audit).toHaveLength(1)
  })
})
