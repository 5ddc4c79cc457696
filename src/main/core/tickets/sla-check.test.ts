import { afterEach, describe, expect, it } from 'vitest'
import type { Role } from '@shared/permissions'
import { openTicketInput, updateTicketInput } from '@shared/schemas'
import { grantTicketSupervision } from '../db/migrations/202612070501_ticket_sla'
import { RouterPool } from '../network'
import { listNotifications, markNotificationsRead } from '../notifications'
import { permissionsOfRole } from '../roles'
import { runJob, schedulerActor } from '../scheduler'
import { getModules, putModules } from '../settings'
import { writeTx } from '../db'
import { companyFixture } from '../testing'
import { openTicket, runTicketSlaCheck, ticketSupervisors, updateTicket } from './index'
import { lateTickets } from './sla-check'

const TZ = 'Asia/Jakarta'
/** Opened at 03:00 UTC; `tinggi` answers within 1 hour and resolves within 8 (the defaults). */
const OPENED = '2026-12-01T03:00:00.000Z'
const RESPONSE_DUE = '2026-12-01T04:00:00.000Z'
const RESOLUTION_DUE = '2026-12-01T11:00:00.000Z'
const after = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString()

type Fixture = Awaited<ReturnType<typeof fixture>>
let f: Fixture

afterEach(async () => {
  await f.db.destroy()
})

async function fixture() {
  const c = await companyFixture(OPENED)
  const actor = {
    companyId: c.companyId,
    userId: c.ownerId,
    username: 'owner',
    ip: '192.0.2.1',
    userAgent: 'test',
  }
  const roles = new Map<number, Role>([[c.ownerId, 'superadmin']])
  const user = async (username: string, role: Role, active = 1) => {
    const { id } = await c.db
      .insertInto('users')
      .values({
        company_id: c.companyId,
        name: `Pengguna ${username}`,
        username,
        phone: null,
        email: null,
        role,
        password_hash: 'x',
        must_change_password: 0,
        active,
        created_at: OPENED,
        updated_at: OPENED,
        password_changed_at: null,
        deactivated_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    roles.set(id, role)
    return id
  }
  const people = {
    owner: c.ownerId,
    teknisi: await user('teknisi', 'technician'),
    teknisiLain: await user('teknisi2', 'technician'),
    support: await user('support', 'admin_support'),
    supportKeluar: await user('support2', 'admin_support', 0),
    kasir: await user('kasir', 'admin_billing'),
  }
  const open = async (patch: Record<string, unknown> = {}) =>
    openTicket(
      c.deps,
      actor,
      openTicketInput.parse({
        category: 'gangguan',
        priority: 'tinggi',
        title: 'Internet mati sejak pagi',
        ...patch,
      }),
      TZ,
    )
  const update = (id: number, patch: Record<string, unknown>) =>
    updateTicket(c.deps, actor, updateTicketInput.parse({ id, ...patch }), TZ)
  const at = (iso: string) => c.clock.set(iso)
  const check = () => runTicketSlaCheck(c.deps, c.companyId)
  /** The SLA notices in this user's bell, as `kind number`. */
  const bell = async (userId: number) =>
    (
      await listNotifications(c.db, {
        companyId: c.companyId,
        userId,
        permissions: await permissionsOfRole(c.db, c.companyId, roles.get(userId)!),
      })
    )
      .filter((n) => n.kind.startsWith('ticket_sla_'))
      .map((n) => `${n.kind} ${n.params.number}`)
  return { ...c, actor, people, open, update, at, check, bell }
}

describe('SLA breach notifications', () => {
  it('nothing before the due time; after it one notice each to the assignee and the supervisors, nobody else, never twice', async () => {
    f = await fixture()
    const { people: p } = f
    const t = await f.open({ assigneeId: p.teknisi })

    f.at(after(OPENED, 30))
    expect(await f.check()).toEqual({
      first_response_breaches: 0,
      resolution_breaches: 0,
      notified: 0,
    })
    // Exactly at the due time the promise is still kept.
    f.at(RESPONSE_DUE)
    expect(await f.check()).toMatchObject({ first_response_breaches: 0, notified: 0 })

    f.at(after(RESPONSE_DUE, 1))
    // The owner (superadmin), the support admin and the assignee; not the inactive supervisor.
    expect(await f.check()).toEqual({
      first_response_breaches: 1,
      resolution_breaches: 0,
      notified: 3,
    })
    const told = `ticket_sla_first_response ${t.number}`
    for (const who of [p.owner, p.support, p.teknisi]) expect(await f.bell(who)).toEqual([told])
    for (const who of [p.teknisiLain, p.kasir, p.supportKeluar])
      expect(await f.bell(who)).toEqual([])

    // The next runs, a minute or a day later, tell nothing again.
    f.at(after(RESPONSE_DUE, 12))
    expect(await f.check()).toMatchObject({ first_response_breaches: 0, notified: 0 })

    // Answered late, still open past the resolution due time: the second breach, once.
    f.at(after(RESPONSE_DUE, 20))
    await f.update(t.id, { status: 'dalam_proses' })
    f.at(after(RESOLUTION_DUE, 5))
    expect(await f.check()).toEqual({
      first_response_breaches: 0,
      resolution_breaches: 1,
      notified: 3,
    })
    expect(await f.check()).toMatchObject({ resolution_breaches: 0, notified: 0 })
    expect(await f.bell(p.teknisi)).toEqual([`ticket_sla_resolution ${t.number}`, told])
    expect(await f.bell(p.teknisiLain)).toEqual([])

    const rows = await f.db
      .selectFrom('notifications')
      .select(['kind', 'user_id', 'permission', 'link'])
      .where('kind', 'like', 'ticket_sla_%')
      .orderBy('id')
      .execute()
    expect(rows).toHaveLength(6)
    expect(new Set(rows.map((r) => r.user_id))).toEqual(new Set([p.owner, p.support, p.teknisi]))
    expect(rows.every((r) => r.permission === 'tickets.view' && r.link === `/tiket/${t.id}`)).toBe(
      true,
    )
  })

  it('an assignee who is also a supervisor gets one notice; an unassigned ticket tells the supervisors', async () => {
    f = await fixture()
    const { people: p } = f
    const mine = await f.open({ assigneeId: p.support })
    const nobodys = await f.open()
    f.at(after(RESPONSE_DUE, 1))
    expect(await f.check()).toMatchObject({ first_response_breaches: 2, notified: 4 })
    expect((await f.bell(p.support)).sort()).toEqual(
      [
        `ticket_sla_first_response ${mine.number}`,
        `ticket_sla_first_response ${nobodys.number}`,
      ].sort(),
    )
    expect(await f.bell(p.teknisi)).toEqual([])
  })

  it('resolved and cancelled tickets never ring, and a first response in time stops the first notice', async () => {
    f = await fixture()
    const { people: p } = f
    const solved = await f.open({ assigneeId: p.teknisi })
    const cancelled = await f.open({ assigneeId: p.teknisi })
    const noted = await f.open({ assigneeId: p.teknisi })
    const lateButClosed = await f.open({ assigneeId: p.teknisi })

    f.at(after(OPENED, 10))
    for (const s of ['dalam_proses', 'menunggu_konfirmasi', 'selesai'])
      await f.update(solved.id, { status: s })
    await f.update(cancelled.id, { status: 'dibatalkan' })
    await f.update(noted.id, { note: 'Sudah dicek dari kantor: ONU merah' })
    await f.update(lateButClosed.id, { status: 'dalam_proses' })

    // Nobody ran the check while it was late; it was solved after its due time.
    f.at(after(RESOLUTION_DUE, 30))
    for (const s of ['menunggu_konfirmasi', 'selesai'])
      await f.update(lateButClosed.id, { status: s })
    await f.update(noted.id, { status: 'dalam_proses' })
    await f.update(noted.id, { status: 'dibatalkan' })

    f.at(after(RESOLUTION_DUE, 60 * 24))
    expect(await f.check()).toEqual({
      first_response_breaches: 0,
      resolution_breaches: 0,
      notified: 0,
    })
    expect(await f.bell(p.teknisi)).toEqual([])
  })

  it('a reopened ticket keeps its due times: a breach told before is not told again, one never told is told once', async () => {
    f = await fixture()
    const { people: p } = f
    const late = await f.open({ assigneeId: p.teknisi })
    const inTime = await f.open({ assigneeId: p.teknisi })
    f.at(after(OPENED, 5))
    await f.update(late.id, { status: 'dalam_proses' })
    for (const s of ['dalam_proses', 'menunggu_konfirmasi', 'selesai'])
      await f.update(inTime.id, { status: s })

    f.at(after(RESOLUTION_DUE, 1))
    expect(await f.check()).toMatchObject({ resolution_breaches: 1 })
    for (const s of ['menunggu_konfirmasi', 'selesai']) await f.update(late.id, { status: s })

    // Both reopened after the due time: only the one never told rings, once.
    f.at(after(RESOLUTION_DUE, 60))
    for (const t of [late, inTime])
      await f.update(t.id, { status: 'dalam_proses', reason: 'Putus lagi' })
    expect(await f.check()).toEqual({
      first_response_breaches: 0,
      resolution_breaches: 1,
      notified: 3,
    })
    expect(await f.check()).toMatchObject({ resolution_breaches: 0, notified: 0 })
    expect(await f.bell(p.teknisi)).toEqual([
      `ticket_sla_resolution ${inTime.number}`,
      `ticket_sla_resolution ${late.number}`,
    ])
  })

  it('a read mark is the reader’s own: the assignee reading theirs leaves the supervisor’s unread', async () => {
    f = await fixture()
    const { people: p } = f
    await f.open({ assigneeId: p.teknisi })
    f.at(after(RESPONSE_DUE, 1))
    await f.check()
    const reader = async (userId: number, role: Role) => ({
      companyId: f.companyId,
      userId,
      permissions: await permissionsOfRole(f.db, f.companyId, role),
    })
    const sla = async (userId: number, role: Role) =>
      (await listNotifications(f.db, await reader(userId, role))).filter(
        (n) => n.kind === 'ticket_sla_first_response',
      )
    const [mine] = await sla(p.teknisi, 'technician')
    const teknisi = await reader(p.teknisi, 'technician')
    expect(await markNotificationsRead(f.deps, teknisi, [mine!.id])).toBe(1)
    expect((await sla(p.teknisi, 'technician')).map((n) => n.read)).toEqual([true])
    expect((await sla(p.support, 'admin_support')).map((n) => n.read)).toEqual([false])
    // The supervisor's notice is not the technician's to mark.
    const [theirs] = await sla(p.support, 'admin_support')
    expect(await markNotificationsRead(f.deps, teknisi, [theirs!.id])).toBe(0)
  })

  it('runs as the ticket-sla job of the scheduler, and does nothing while the Tiket module is off', async () => {
    f = await fixture()
    await f.open({ assigneeId: f.people.teknisi })
    f.at(after(RESPONSE_DUE, 1))
    const deps = { ...f.deps, routers: new RouterPool() }
    const run = (asOf: string) =>
      runJob(deps, {
        companyId: f.companyId,
        job: 'ticket-sla',
        asOf,
        trigger: 'schedule',
        actor: schedulerActor(f.companyId),
      })

    const modules = await getModules(f.db, f.companyId)
    await writeTx(f.db, (tx) => putModules(tx, f.companyId, { ...modules, tickets: false }, OPENED))
    expect((await run('2026-12-01')).counts).toEqual({ module_off: 1 })
    expect(await f.bell(f.people.teknisi)).toEqual([])

    await writeTx(f.db, (tx) => putModules(tx, f.companyId, { ...modules, tickets: true }, OPENED))
    const done = await run('2026-12-01')
    expect(done.status).toBe('done')
    expect(done.counts).toMatchObject({ first_response_breaches: 1, notified: 3 })
  })

  // SQLite's planner says which index it takes; PostgreSQL picks by table size (tiny here).
  it.skipIf(process.env.LOKET_TEST_ENGINE === 'postgres')(
    'the check reads late tickets through the due-time indexes, not the whole table',
    async () => {
      f = await fixture()
      for (const [breach, index] of [
        ['first_response', 'tickets_first_response_due_idx'],
        ['resolution', 'tickets_resolution_due_idx'],
      ] as const) {
        const q = lateTickets(f.db, f.companyId, breach, RESPONSE_DUE).compile()
        const plan = await f.db.executeQuery<{ detail: string }>({
          ...q,
          sql: `EXPLAIN QUERY PLAN ${q.sql}`,
        })
        expect(plan.rows.map((r) => r.detail).join(' | ')).toContain(`USING INDEX ${index}`)
      }
    },
  )

  it('the supervisors are Admin Support and the superadmin by default; older companies get the same', async () => {
    f = await fixture()
    const { people: p } = f
    expect(await ticketSupervisors(f.db, f.companyId)).toEqual(
      [p.owner, p.support].sort((a, b) => a - b),
    )
    expect(await permissionsOfRole(f.db, f.companyId, 'technician')).not.toContain(
      'tickets.supervise',
    )
    await f.db
      .deleteFrom('role_permissions')
      .where('permission', '=', 'tickets.supervise')
      .execute()
    expect(await ticketSupervisors(f.db, f.companyId)).toEqual([p.owner])
    await grantTicketSupervision(f.db as never)
    expect(await permissionsOfRole(f.db, f.companyId, 'admin_support')).toContain(
      'tickets.supervise',
    )
  })
})
