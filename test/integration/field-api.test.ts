import { createTRPCClient, httpLink } from '@trpc/client'
import type { AppRouter } from '@api/index'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  apiCode,
  areaAndPackage,
  setupCompany,
  startTestHost,
  type TestHost,
} from '../helpers/http-host'
import { signInAs } from '../helpers/role-users'

/**
 * The technician's phone through the real HTTP host (SQLite, or PostgreSQL on the postgres run):
 * a technician with the default role sees the ticket given to them and syncs an outbox that
 * applies once, however often and however simultaneously it is sent.
 */
let host: TestHost
let ownerToken: string
beforeEach(async () => {
  host = await startTestHost()
  ownerToken = await setupCompany(host)
}, 120_000)
afterEach(async () => {
  await host.stop()
})

/** One HTTP request per call (no batching), as a phone sends them. */
function phone(token: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${host.url}api/trpc`,
        headers: () => ({ authorization: `Bearer ${token}` }),
      }),
    ],
  })
}

async function technicianWithTicket() {
  const owner = host.client(ownerToken)
  const rudi = await signInAs(host, ownerToken, 'technician', 'rudi')
  const me = await rudi.auth.me.query()
  const { area } = await areaAndPackage(owner)
  const customer = await owner.customers.create.mutate({
    areaId: area.id,
    name: 'Budi Santoso',
    phone: '0812-3456-7890',
  })
  const ticket = await owner.tickets.open.mutate({
    customerId: customer.id,
    category: 'gangguan',
    priority: 'tinggi',
    title: 'Internet mati sejak pagi',
    assigneeId: me.user.id,
  })
  return { owner, rudi, ticket }
}

const at = '2026-11-22T10:00:00+07:00'

describe('field API', () => {
  it('a technician sees their ticket, syncs a note and a status once, and a replay is a duplicate', async () => {
    const { owner, rudi, ticket } = await technicianWithTicket()
    const tasks = await rudi.field.tasks.query()
    expect(tasks).toHaveLength(1)
    expect(tasks[0]).toMatchObject({
      kind: 'ticket',
      number: ticket.number,
      customer: { name: 'Budi Santoso', phone: '6281234567890' },
    })

    const commands = [
      {
        id: crypto.randomUUID(),
        kind: 'ticket.note',
        payload: { ticketId: ticket.id, note: 'Kabel drop putus, diganti' },
        at,
      },
      {
        id: crypto.randomUUID(),
        kind: 'ticket.status',
        payload: { ticketId: ticket.id, status: 'dalam_proses' },
        at,
      },
      { id: crypto.randomUUID(), kind: 'meter.read', payload: { serviceId: 1 }, at },
    ]
    const first = await rudi.field.sync.mutate({ commands })
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied', 'conflict'])
    expect(first.results[2]!.reason).toContain('Host belum mengenal perintah "meter.read"')
    const again = await rudi.field.sync.mutate({ commands })
    expect(again.results.map((r) => [r.status, r.original])).toEqual([
      ['duplicate', 'applied'],
      ['duplicate', 'applied'],
      ['duplicate', 'conflict'],
    ])

    const detail = await owner.tickets.get.query({ id: ticket.id })
    expect(detail.status).toBe('dalam_proses')
    expect(detail.events.filter((e) => e.kind === 'note')).toEqual([
      expect.objectContaining({ note: 'Kabel drop putus, diganti', username: 'rudi' }),
    ])
  })

  it('the same outbox sent by two connections at once applies each command once', async () => {
    const { owner, rudi, ticket } = await technicianWithTicket()
    void rudi
    const { token } = await host.client().auth.login.mutate({
      username: 'rudi',
      password: 'Pilihan-Sendiri-2026!',
    })
    const commands = Array.from({ length: 5 }, (_, i) => ({
      id: crypto.randomUUID(),
      kind: 'ticket.note',
      payload: { ticketId: ticket.id, note: `Catatan ${i + 1}` },
      at,
    }))
    const answers = await Promise.all([
      phone(token!).field.sync.mutate({ commands }),
      phone(token!).field.sync.mutate({ commands }),
    ])
    for (let i = 0; i < commands.length; i++) {
      const pair = answers.map((a) => a.results[i]!.status).sort()
      expect(pair, `command ${i}`).toEqual(['applied', 'duplicate'])
    }
    const detail = await owner.tickets.get.query({ id: ticket.id })
    expect(detail.events.filter((e) => e.kind === 'note').map((e) => e.note)).toEqual(
      commands.map((c) => c.payload.note),
    )
  })

  it('refuses a batch that is too large or malformed as a whole, before applying anything', async () => {
    const { rudi, ticket } = await technicianWithTicket()
    const note = (i: number) => ({
      id: crypto.randomUUID(),
      kind: 'ticket.note',
      payload: { ticketId: ticket.id, note: `n${i}` },
      at,
    })
    expect(
      await apiCode(
        rudi.field.sync.mutate({ commands: Array.from({ length: 51 }, (_, i) => note(i)) }),
      ),
    ).toBe('VALIDATION')
    expect(
      await apiCode(rudi.field.sync.mutate({ commands: [{ ...note(1), id: 'bukan-uuid' }] })),
    ).toBe('VALIDATION')
    expect(await apiCode(host.client().field.sync.mutate({ commands: [note(1)] }))).toBe(
      'UNAUTHENTICATED',
    )
  })

  it('a billing admin may look but a note from their phone is refused as forbidden', async () => {
    const { ticket } = await technicianWithTicket()
    const billing = await signInAs(host, ownerToken, 'admin_billing', 'tagihan1')
    const { results } = await billing.field.sync.mutate({
      commands: [
        {
          id: crypto.randomUUID(),
          kind: 'ticket.note',
          payload: { ticketId: ticket.id, note: 'x' },
          at,
        },
      ],
    })
    expect(results[0]).toMatchObject({ status: 'conflict', code: 'FORBIDDEN' })
    expect(await billing.field.tasks.query()).toEqual([])
  })

  it('a technician with the default role sends a photo and cable used: each applied once', async () => {
    const { owner, rudi, ticket } = await technicianWithTicket()
    const me = await rudi.auth.me.query()
    const gudang = await owner.warehouse.saveWarehouse.mutate({ name: 'Gudang Pusat' })
    const kabel = await owner.warehouse.saveItem.mutate({
      name: 'Kabel drop core',
      unit: 'meter',
      lowThreshold: 0,
    })
    await owner.warehouse.stockIn.mutate({ itemId: kabel.id, warehouseId: gudang.id, qty: 100 })
    await owner.warehouse.issue.mutate({
      itemId: kabel.id,
      warehouseId: gudang.id,
      technicianId: me.user.id,
      qty: 20,
    })
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1])
    const commands = [
      {
        id: crypto.randomUUID(),
        kind: 'ticket.photo',
        payload: {
          ticketId: ticket.id,
          fileName: 'onu.jpg',
          mime: 'image/jpeg',
          contentBase64: jpeg.toString('base64'),
        },
        at,
      },
      {
        id: crypto.randomUUID(),
        kind: 'stock.use',
        payload: { itemId: kabel.id, qty: 15, ticketId: ticket.id },
        at,
      },
      {
        id: crypto.randomUUID(),
        kind: 'stock.use',
        payload: { itemId: kabel.id, qty: 10, ticketId: ticket.id },
        at,
      },
    ]
    const first = await rudi.field.sync.mutate({ commands })
    expect(first.results.map((r) => [r.status, r.code])).toEqual([
      ['applied', undefined],
      ['applied', undefined],
      ['conflict', 'STOCK_INSUFFICIENT'],
    ])
    expect(first.results[2]!.reason).toContain('tersisa 5 meter')
    const again = await rudi.field.sync.mutate({ commands })
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate'])

    const photos = await owner.tickets.attachments.query({ ticketId: ticket.id })
    expect(photos.map((p) => [p.fileName, p.size, p.username])).toEqual([
      ['onu.jpg', jpeg.length, 'rudi'],
    ])
    const file = await owner.tickets.attachment.query({ id: photos[0]!.id })
    expect(Buffer.from(file.contentBase64, 'base64')).toEqual(jpeg)
    const held = await rudi.warehouse.held.query({})
    expect(held.map((h) => [h.name, h.qty])).toEqual([['Kabel drop core', 5]])
  })
})
