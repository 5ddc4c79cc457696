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
      { id: crypto.randomUUID(), kind: 'bast.sign', payload: { serviceId: 1 }, at },
    ]
    const first = await rudi.field.sync.mutate({ commands })
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied', 'conflict'])
    expect(first.results[2]!.reason).toContain('Host belum mengenal perintah "bast.sign"')
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
})
