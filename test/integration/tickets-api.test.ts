import { createTRPCClient, httpLink } from '@trpc/client'
import type { AppRouter } from '@api/index'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rowsIn } from '../helpers/data-dir'
import {
  apiCode,
  areaAndPackage,
  setupCompany,
  startTestHost,
  type TestHost,
} from '../helpers/http-host'
import { signInAs } from '../helpers/role-users'

/**
 * Tiket through the real HTTP API (SQLite, or PostgreSQL on the postgres run): numbers stay
 * gapless when many people open tickets at once, and only roles that work tickets may change them.
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

/** One HTTP request per call (no batching), as separate browsers send them. */
function browser(token: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${host.url}api/trpc`,
        headers: () => ({ authorization: `Bearer ${token}` }),
      }),
    ],
  })
}

/** The owner and a support admin over HTTP, and customer Budi Santoso (with a phone if given). */
async function ownerSupportAndCustomer(phone?: string) {
  const owner = browser(ownerToken)
  const support = await signInAs(host, ownerToken, 'admin_support', 'support1')
  const { area } = await areaAndPackage(owner)
  const customer = await owner.customers.create.mutate({
    areaId: area.id,
    name: 'Budi Santoso',
    ...(phone ? { phone } : {}),
  })
  return { owner, support, customer }
}

describe('tickets API', () => {
  it(
    '40 tickets opened at once by two people get TKT/2026/000001 … 000040, no gap, no duplicate',
    { timeout: 120_000 },
    async () => {
      const { owner, support, customer } = await ownerSupportAndCustomer()
      const opened = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? owner : support).tickets.open.mutate({
            customerId: customer.id,
            category: 'gangguan',
            priority: 'sedang',
            title: `Gangguan ${i + 1}`,
          }),
        ),
      )
      const numbers = opened.map((t) => t.number).sort()
      expect(numbers).toEqual(
        Array.from({ length: 40 }, (_, i) => `TKT/2026/${String(i + 1).padStart(6, '0')}`),
      )
      const list = await owner.tickets.list.query({})
      expect(list).toHaveLength(40)
      expect(new Set(list.map((t) => t.number)).size).toBe(40)
      // 24 hours for sedang, counted from the test host's clock (22/11/2026 03:00 UTC).
      expect(list[0]).toMatchObject({ status: 'baru', minutesLeft: 24 * 60, breached: false })
    },
  )

  it('a cashier without tickets.manage may look but not open or change tickets; the SLA is company policy', async () => {
    const owner = browser(ownerToken)
    const cashier = await signInAs(host, ownerToken, 'admin_billing', 'kasir1')
    const tech = await signInAs(host, ownerToken, 'technician', 'teknisi1')
    const ticket = await owner.tickets.open.mutate({
      category: 'perangkat',
      priority: 'tinggi',
      medium: 'datang',
      title: 'ONU mati',
      deviceSerial: 'ZTEGC8A1B2C3',
    })
    expect(
      await apiCode(
        cashier.tickets.open.mutate({ category: 'gangguan', priority: 'rendah', title: 'Lambat' }),
      ),
    ).toBe('FORBIDDEN')
    expect(
      await apiCode(cashier.tickets.update.mutate({ id: ticket.id, status: 'dalam_proses' })),
    ).toBe('FORBIDDEN')
    // Categories and SLA targets are company policy: not for the cashier, nor the technician.
    const settings = await owner.tickets.settings.query()
    expect(await apiCode(cashier.tickets.saveSettings.mutate(settings))).toBe('FORBIDDEN')
    expect(await apiCode(tech.tickets.saveSettings.mutate(settings))).toBe('FORBIDDEN')
    expect(await apiCode(owner.tickets.saveSettings.mutate(settings))).toBe('ok')
    expect((await cashier.tickets.list.query({ search: 'a1b2' })).map((t) => t.id)).toEqual([
      ticket.id,
    ])
    // A technician works the ticket; a refused jump says why.
    const me = (await owner.tickets.assignees.query()).find((u) => u.username === 'teknisi1')!
    await owner.tickets.update.mutate({ id: ticket.id, assigneeId: me.id })
    expect(await apiCode(tech.tickets.update.mutate({ id: ticket.id, status: 'selesai' }))).toBe(
      'TICKET_STATUS_REFUSED',
    )
    await tech.tickets.update.mutate({ id: ticket.id, status: 'dalam_proses', note: 'Meluncur' })
    const detail = await owner.tickets.get.query({ id: ticket.id })
    expect(detail.events.map((e) => [e.kind, e.username])).toEqual([
      ['created', 'owner'],
      ['assigned', 'owner'],
      ['status', 'teknisi1'],
    ])
    expect((await owner.tickets.assignees.query()).map((u) => u.username).includes('kasir1')).toBe(
      false,
    )
  })
  it(
    'ten people closing the same ticket at once: one selesai event, one "keluhan selesai" message',
    { timeout: 120_000 },
    async () => {
      const { owner, support, customer } = await ownerSupportAndCustomer('0812-3456-7890')
      const t = await owner.tickets.open.mutate({
        customerId: customer.id,
        category: 'gangguan',
        priority: 'tinggi',
        title: 'Lambat',
      })
      await owner.tickets.update.mutate({ id: t.id, status: 'dalam_proses' })
      await owner.tickets.update.mutate({ id: t.id, status: 'menunggu_konfirmasi' })
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? owner : support).tickets.update.mutate({ id: t.id, status: 'selesai' }),
        ),
      )
      expect(results.every((r) => r.status === 'selesai')).toBe(true)
      expect(results.reduce((sum, r) => sum + r.messages.queued + r.messages.skipped, 0)).toBe(1)
      const detail = await owner.tickets.get.query({ id: t.id })
      expect(detail.events.filter((e) => e.toStatus === 'selesai')).toHaveLength(1)
      const kinds = await rowsIn<{ kind: string }>(
        host.dataDir,
        sql`SELECT kind FROM messages ORDER BY id`,
      )
      expect(kinds.map((m) => m.kind)).toEqual(['complaint_received', 'complaint_resolved'])
    },
  )
})
