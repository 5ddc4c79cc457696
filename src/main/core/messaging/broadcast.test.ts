import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  addService,
  bulkInsertCustomers,
  changeServiceStatus,
  createCustomer,
  terminateCustomer,
} from '../customers'
import { catalogFixture, customerInput, serviceInput } from '../customers/testing'
import { writeTx } from '../db'
import { broadcastPreview, sendBroadcast } from './broadcast'

const TZ = 'Asia/Jakarta'

async function enableWhatsapp(f: Awaited<ReturnType<typeof catalogFixture>>) {
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
}

/**
 * Cibinong: Budi (10 Mbps), Siti (20 Mbps, refuses messages), Eko (10 Mbps, isolated), Fajar
 * (terminated). Bojonggede: Agus (no number), Dedi (a number that is not one). WhatsApp is on.
 */
async function audienceFixture() {
  const f = await catalogFixture()
  await enableWhatsapp(f)
  const customer = async (
    name: string,
    areaId: number,
    phone: string | null,
    productId: number,
  ) => {
    const c = await createCustomer(f.deps, f.actor, customerInput(areaId, name, phone))
    const s = await addService(f.deps, f.actor, serviceInput(c.id, productId), TZ)
    return { ...c, serviceId: s.id }
  }
  const budi = await customer('Budi', f.cbg.id, '6281211112222', f.p10.id)
  const siti = await customer('Siti', f.cbg.id, '6281333334444', f.p20.id)
  const eko = await customer('Eko', f.cbg.id, '6281555556666', f.p10.id)
  const fajar = await customer('Fajar', f.cbg.id, '6281777778888', f.p10.id)
  const agus = await customer('Agus', f.bjg.id, null, f.p10.id)
  const dedi = await customer('Dedi', f.bjg.id, null, f.p20.id)
  await f.db
    .updateTable('customers')
    .set({ messages_opt_out: 1 })
    .where('id', '=', siti.id)
    .execute()
  await f.db.updateTable('customers').set({ phone: '12345' }).where('id', '=', dedi.id).execute()
  await changeServiceStatus(
    f.deps,
    f.actor,
    { serviceId: eko.serviceId, status: 'isolir', reason: 'tunggakan' },
    TZ,
  )
  await terminateCustomer(f.deps, f.actor, { customerId: fajar.id, reason: 'pindah' }, TZ)
  const woken = { count: 0 }
  const deps = { ...f.deps, onMessages: () => woken.count++ }
  const messages = () =>
    f.db
      .selectFrom('messages')
      .select(['customer_id', 'recipient', 'status', 'reason', 'kind', 'subject', 'body'])
      .orderBy('customer_id')
      .execute()
  return { ...f, deps, woken, budi, siti, eko, fajar, agus, dedi, messages }
}

const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort()

describe('broadcast audience', () => {
  it('everyone but the terminated by default; area, package, status and search narrow it', async () => {
    const f = await audienceFixture()
    const audience = async (filter: object) => {
      const p = await broadcastPreview(f.db, f.companyId, filter)
      return names([...p.sample, ...p.skippedSample])
    }
    expect(await audience({})).toEqual(['Agus', 'Budi', 'Dedi', 'Eko', 'Siti'])
    expect(await audience({ areaId: f.bjg.id })).toEqual(['Agus', 'Dedi'])
    expect(await audience({ productId: f.p20.id })).toEqual(['Dedi', 'Siti'])
    expect(await audience({ status: 'isolir' })).toEqual(['Eko'])
    expect(await audience({ status: 'putus' })).toEqual(['Fajar'])
    expect(await audience({ areaId: f.cbg.id, productId: f.p10.id })).toEqual(['Budi', 'Eko'])
    expect(await audience({ q: 'budi' })).toEqual(['Budi'])
    expect(await audience({ q: '0815-5555' })).toEqual(['Eko'])
  })

  it('the preview counts who would be skipped and why: no number, a bad number, opted out', async () => {
    const f = await audienceFixture()
    const p = await broadcastPreview(f.db, f.companyId, {})
    expect(p).toMatchObject({
      total: 5,
      sendable: 2,
      byChannel: { whatsapp: 2 },
      skipped: 3,
      byReason: { no_number: 1, invalid_number: 1, opted_out: 1 },
    })
    expect(p.sample.map((s) => s.recipient)).toEqual(['6281211112222', '6281555556666'])
    expect(p.skippedSample.map((s) => [s.name, s.reason])).toEqual([
      ['Siti', 'opted_out'],
      ['Agus', 'no_number'],
      ['Dedi', 'invalid_number'],
    ])
  })

  it('with no channel switched on, nobody can be reached', async () => {
    const f = await audienceFixture()
    await f.db.updateTable('message_channels').set({ enabled: 0 }).execute()
    const p = await broadcastPreview(f.db, f.companyId, { areaId: f.cbg.id })
    expect(p).toMatchObject({ sendable: 0, skipped: 3, byReason: { no_channel: 2, opted_out: 1 } })
  })
})

describe('sending a broadcast', () => {
  it('queues one message per customer with their name and code, records the skipped, wakes the sender', async () => {
    const f = await audienceFixture()
    const result = await sendBroadcast(f.deps, f.actor, {
      filter: { areaId: f.cbg.id },
      body: 'Yth. {nama} ({kode}), jaringan {perusahaan} dipelihara Minggu 01.00–03.00.',
      clientId: randomUUID(),
    })
    expect(result).toMatchObject({
      audience: 3,
      queued: 2,
      skipped: 1,
      duplicates: 0,
      byReason: { opted_out: 1 },
    })
    const rows = await f.messages()
    expect(rows).toHaveLength(3)
    expect(rows[0]).toMatchObject({
      customer_id: f.budi.id,
      kind: 'broadcast',
      status: 'antri',
      recipient: '6281211112222',
      subject: 'Pemberitahuan Net Jaya',
      body: `Yth. Budi (${f.budi.code}), jaringan Net Jaya dipelihara Minggu 01.00–03.00.`,
    })
    expect(rows[1]).toMatchObject({
      customer_id: f.siti.id,
      status: 'dilewati',
      reason: 'opted_out',
    })
    expect(f.woken.count).toBe(1)
    const [audit] = await f.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'messages.broadcast')
      .execute()
    expect(JSON.parse(audit!.after_json!)).toMatchObject({ audience: 3, queued: 2, skipped: 1 })
  })

  it('a retried request with the same clientId queues nobody twice; a new broadcast does', async () => {
    const f = await audienceFixture()
    const input = {
      filter: {},
      body: 'Gangguan di {perusahaan}, mohon maaf.',
      clientId: randomUUID(),
    }
    await sendBroadcast(f.deps, f.actor, input)
    const again = await sendBroadcast(f.deps, f.actor, input)
    expect(again).toMatchObject({ audience: 5, queued: 0, skipped: 0, duplicates: 5 })
    expect(await f.messages()).toHaveLength(5)
    expect(f.woken.count).toBe(1)
    const audits = () =>
      f.db.selectFrom('audit_log').select('id').where('action', '=', 'messages.broadcast').execute()
    expect(await audits()).toHaveLength(1)
    await sendBroadcast(f.deps, f.actor, { ...input, clientId: randomUUID() })
    expect(await f.messages()).toHaveLength(10)
    expect(await audits()).toHaveLength(2)
  })

  it('refuses variables a broadcast cannot fill, such as an invoice amount', async () => {
    const f = await audienceFixture()
    await expect(
      sendBroadcast(f.deps, f.actor, {
        filter: {},
        body: 'Halo {nama}, tagihan Anda {jumlah}.',
        clientId: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: 'TEMPLATE_UNKNOWN_VARIABLE', details: { names: '{jumlah}' } })
    expect(await f.messages()).toHaveLength(0)
  })

  it('reaches 50,000 customers in one go', async () => {
    const f = await catalogFixture()
    await enableWhatsapp(f)
    await writeTx(f.db, (tx) =>
      bulkInsertCustomers(
        tx,
        f.deps,
        f.companyId,
        Array.from({ length: 50_000 }, (_, i) => ({
          code: null,
          areaId: f.cbg.id,
          name: `Pelanggan ${i}`,
          category: 'rumah',
          nik: null,
          phone: i % 10 === 0 ? null : `0812${String(10_000_000 + i)}`,
          email: null,
          address: 'Jl. Raya Bogor',
          npwp: null,
          notes: null,
          service: null,
        })),
      ),
    )
    const started = performance.now()
    const result = await sendBroadcast(f.deps, f.actor, {
      filter: {},
      body: 'Yth. {nama}, ada pemeliharaan jaringan malam ini.',
      clientId: randomUUID(),
    })
    const ms = performance.now() - started
    expect(result).toMatchObject({ audience: 50_000, queued: 45_000, skipped: 5_000 })
    expect(result.byReason).toEqual({ no_number: 5_000 })
    console.log(`broadcast to 50,000 customers: ${Math.round(ms)} ms`)
    expect(ms).toBeLessThan(20_000)
  }, 120_000)
})
