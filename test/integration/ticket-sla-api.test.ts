import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiCode, companyOwner, startTestHost, type TestHost } from '../helpers/http-host'
import { signInAs } from '../helpers/role-users'

/**
 * Ticket SLA through the real HTTP host (SQLite, or PostgreSQL on the postgres run): the
 * ticket-sla job rings the bells of the assignee and the supervisors, and Laporan's Tiket report
 * belongs to the Tiket module.
 */
let host: TestHost
let owner: Awaited<ReturnType<typeof companyOwner>>['owner']
let ownerToken: string
beforeEach(async () => {
  host = await startTestHost()
  ;({ owner, ownerToken } = await companyOwner(host))
}, 120_000)
afterEach(async () => {
  await host.stop()
})

/** Runs the job as "Jalankan sekarang" does and waits for its recorded end. */
async function runJobNow(job: 'ticket-sla') {
  const { runId } = await owner.schedule.runNow.mutate({ job })
  for (let i = 0; i < 200; i++) {
    const run = await owner.schedule.run.query({ id: runId })
    if (run.status !== 'running') return run
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`run ${runId} did not end`)
}

const slaNotices = async (client: typeof owner) =>
  (await client.notifications.list.query({ limit: 50 }))
    .filter((n) => n.kind.startsWith('ticket_sla_'))
    .map((n) => [n.kind, n.params.number])

describe('ticket SLA over the HTTP API', () => {
  it('a breach reaches the assignee and the supervisors’ bells once, not the cashier’s', async () => {
    const tech = await signInAs(host, ownerToken, 'technician', 'teknisi1')
    const support = await signInAs(host, ownerToken, 'admin_support', 'support1')
    const cashier = await signInAs(host, ownerToken, 'admin_billing', 'kasir1')
    const assignee = (await owner.tickets.assignees.query()).find((u) => u.username === 'teknisi1')!
    // Opened 22/11/2026 03:00 UTC; darurat answers within 15 minutes.
    const ticket = await owner.tickets.open.mutate({
      category: 'gangguan',
      priority: 'darurat',
      title: 'Satu RT mati',
      assigneeId: assignee.id,
    })

    host.clock.set('2026-11-22T03:10:00Z')
    expect((await runJobNow('ticket-sla')).counts).toMatchObject({ notified: 0 })
    host.clock.set('2026-11-22T03:16:00Z')
    expect((await runJobNow('ticket-sla')).counts).toMatchObject({
      first_response_breaches: 1,
      notified: 3,
    })
    expect((await runJobNow('ticket-sla')).counts).toMatchObject({ notified: 0 })

    const told = [['ticket_sla_first_response', ticket.number]]
    expect(await slaNotices(tech)).toEqual(told)
    expect(await slaNotices(support)).toEqual(told)
    expect(await slaNotices(owner)).toEqual(told)
    expect(await slaNotices(cashier)).toEqual([])
    expect((await tech.notifications.unreadCount.query()).count).toBeGreaterThanOrEqual(1)
  })

  it('Laporan → Tiket: for whoever reads reports; gone with the Tiket module', async () => {
    const cashier = await signInAs(host, ownerToken, 'admin_billing', 'kasir1')
    const tech = await signInAs(host, ownerToken, 'technician', 'teknisi1')
    const t = await owner.tickets.open.mutate({
      category: 'tagihan',
      priority: 'sedang',
      title: 'Tagihan dobel',
    })
    host.clock.set('2026-11-22T05:00:00Z')
    for (const status of ['dalam_proses', 'menunggu_konfirmasi', 'selesai'] as const)
      await owner.tickets.update.mutate({ id: t.id, status })

    const range = { from: '2026-11-01', to: '2026-11-30' }
    const report = await cashier.reports.tickets.query(range)
    expect(report.total).toMatchObject({
      opened: 1,
      resolved: 1,
      resolvedInSla: 1,
      resolvedInSlaRate: 100,
      firstResponseInSlaRate: 100,
    })
    expect(report.byCategory.find((c) => c.category === 'tagihan')).toMatchObject({ opened: 1 })
    expect(await apiCode(tech.reports.tickets.query(range))).toBe('FORBIDDEN')
    expect(
      await apiCode(owner.reports.tickets.query({ from: '2026-11-30', to: '2026-11-01' })),
    ).toBe('VALIDATION')
    const file = await owner.reports.export.mutate({
      request: { report: 'tickets', params: range },
      format: 'pdf',
    })
    expect(file.fileName).toBe('tiket-2026-11-01-2026-11-30.pdf')

    await owner.company.saveModules.mutate({ tickets: false })
    expect(await apiCode(owner.reports.tickets.query(range))).toBe('MODULE_DISABLED')
    expect(
      await apiCode(
        owner.reports.export.mutate({
          request: { report: 'tickets', params: range },
          format: 'xlsx',
        }),
      ),
    ).toBe('MODULE_DISABLED')
    expect(await apiCode(owner.reports.payments.query(range))).toBe('ok')
    expect((await runJobNow('ticket-sla')).counts).toEqual({ module_off: 1 })
  })
})
