import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_ROLE_PERMISSIONS, PERMISSION_KEYS } from '@shared/permissions'
import { billingFixture } from '../billing/testing'
import { writeTx } from '../db'
import { createRouter, RouterPool } from '../network'
import { simRouterInput } from '../network/testing'
import {
  listNotifications,
  markNotificationsRead,
  notify,
  runNotificationChecks,
  unreadCount,
} from '.'

type Fixture = Awaited<ReturnType<typeof billingFixture>>
let f: Fixture

afterEach(async () => {
  await f.db.destroy()
})

/** A technician: sees the routers, not the money. */
async function technician(fx: Fixture) {
  const row = await fx.db
    .insertInto('users')
    .values({
      company_id: fx.companyId,
      name: 'Teknisi',
      username: 'teknisi',
      phone: null,
      email: null,
      role: 'technician',
      password_hash: 'not-used',
      must_change_password: 0,
      active: 1,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      password_changed_at: null,
      deactivated_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return {
    companyId: fx.companyId,
    userId: row.id,
    permissions: DEFAULT_ROLE_PERMISSIONS.technician,
  }
}

const titles = (list: { kind: string }[]) => list.map((n) => n.kind).sort()

describe('the notification checks', () => {
  it('tell about invoices due today and overdue customers once a day, however often they run', async () => {
    f = await billingFixture('2026-02-01T03:00:00Z')
    await f.customer('Budi Santoso')
    await f.customer('Sari Dewi')
    await f.run('2026-02', '2026-02-01') // due after 10 days: 11 Feb
    const ctx = (asOf: string) => ({ companyId: f.companyId, asOf })

    f.clock.set('2026-02-11T00:00:00Z')
    const first = await runNotificationChecks(f.deps, ctx('2026-02-11'), 'all')
    expect(first).toMatchObject({ due_today: 2, overdue: 0, notified: 1 })
    const again = await runNotificationChecks(f.deps, ctx('2026-02-11'), 'all')
    expect(again).toMatchObject({ due_today: 2, notified: 0 })

    f.clock.set('2026-02-12T00:00:00Z')
    const nextDay = await runNotificationChecks(f.deps, ctx('2026-02-12'), 'all')
    expect(nextDay).toMatchObject({ due_today: 0, overdue: 2, notified: 1 })

    const rows = await f.db.selectFrom('notifications').selectAll().orderBy('id').execute()
    expect(rows.map((r) => [r.kind, JSON.parse(r.params_json), r.link, r.permission])).toEqual([
      ['due_today', { count: 2, date: '2026-02-11' }, '/billing?due=2026-02-11', 'billing.view'],
      ['overdue', { count: 2, date: '2026-02-12' }, '/collections', 'collections.view'],
    ])
  })

  it('the hourly check reports failing messages and router jobs, not the day’s invoices', async () => {
    f = await billingFixture('2026-02-11T03:00:00Z')
    await f.customer('Budi Santoso')
    await f.run('2026-02', '2026-02-01')
    const at = f.clock.now().toISOString()
    await f.db
      .insertInto('messages')
      .values({
        company_id: f.companyId,
        channel: 'whatsapp',
        recipient: '6281234567890',
        kind: 'reminder',
        body: 'Pengingat',
        status: 'gagal',
        reason: 'channel_down',
        created_at: at,
        updated_at: at,
      })
      .execute()
    // Registered only: nothing here connects to it.
    const router = await createRouter(
      { ...f.deps, routers: new RouterPool() },
      f.actor,
      simRouterInput(8728, 'POP Utama'),
    )
    await f.db
      .insertInto('device_jobs')
      .values({
        company_id: f.companyId,
        router_id: router.id,
        kind: 'secret.sync',
        status: 'failed',
        next_attempt_at: at,
        last_error: 'login ditolak',
        created_at: at,
        updated_at: at,
      })
      .execute()

    const counts = await runNotificationChecks(
      f.deps,
      { companyId: f.companyId, asOf: '2026-02-11' },
      'failures',
    )
    expect(counts).toEqual({ messages_failing: 1, router_jobs_failing: 1, notified: 2 })
    const rows = await f.db.selectFrom('notifications').select(['kind', 'link']).execute()
    expect(rows).toEqual([
      { kind: 'messages_failing', link: '/messages?status=gagal' },
      { kind: 'router_jobs_failing', link: '/network?tab=jobs' },
    ])

    // A day later the old failure is out of the 24-hour window; the router job is still failed.
    f.clock.set('2026-02-12T04:00:00Z')
    const later = await runNotificationChecks(
      f.deps,
      { companyId: f.companyId, asOf: '2026-02-12' },
      'failures',
    )
    expect(later).toEqual({ messages_failing: 0, router_jobs_failing: 1, notified: 1 })
  })
})

describe('the bell', () => {
  it('shows each user what their permissions allow, newest first, with their own read marks', async () => {
    f = await billingFixture('2026-02-11T03:00:00Z')
    const owner = { companyId: f.companyId, userId: f.ownerId, permissions: PERMISSION_KEYS }
    const tech = await technician(f)
    await writeTx(f.db, (tx) =>
      notify(
        tx,
        f.companyId,
        [
          { kind: 'due_today', params: { count: 3 }, permission: 'billing.view' },
          { kind: 'router_jobs_failing', params: { count: 1 }, permission: 'network.view' },
        ],
        '2026-02-11T01:00:00Z',
      ),
    )
    await writeTx(f.db, (tx) =>
      notify(
        tx,
        f.companyId,
        [{ kind: 'job_failed', params: { job: 'isolir' } }],
        '2026-02-11T02:00:00Z',
      ),
    )

    const ownerList = await listNotifications(f.db, owner)
    expect(ownerList.map((n) => n.kind)).toEqual(['job_failed', 'router_jobs_failing', 'due_today'])
    expect(ownerList[2]).toMatchObject({ params: { count: 3 }, read: false })
    const techList = await listNotifications(f.db, tech)
    expect(titles(techList)).toEqual(['job_failed', 'router_jobs_failing'])
    expect(await unreadCount(f.db, owner)).toBe(3)
    expect(await unreadCount(f.db, tech)).toBe(2)

    // The technician cannot mark what they cannot see, and marks nothing for the owner.
    const marked = await markNotificationsRead(
      f.deps,
      tech,
      ownerList.map((n) => n.id),
    )
    expect(marked).toBe(2)
    expect(await unreadCount(f.db, tech)).toBe(0)
    expect(await unreadCount(f.db, owner)).toBe(3)
    expect(await markNotificationsRead(f.deps, tech, 'all')).toBe(0)

    await markNotificationsRead(f.deps, owner, [ownerList[0]!.id])
    expect(await unreadCount(f.db, owner)).toBe(2)
    expect(await markNotificationsRead(f.deps, owner, 'all')).toBe(2)
    expect(await unreadCount(f.db, owner)).toBe(0)
    expect((await listNotifications(f.db, owner)).every((n) => n.read)).toBe(true)
  })

  it('a notice for one user reaches that user only, and still only while they hold its permission', async () => {
    f = await billingFixture('2026-02-11T03:00:00Z')
    const owner = { companyId: f.companyId, userId: f.ownerId, permissions: PERMISSION_KEYS }
    const tech = await technician(f)
    const at = '2026-02-11T01:00:00Z'
    await writeTx(f.db, (tx) =>
      notify(
        tx,
        f.companyId,
        [
          { kind: 'ticket_sla_resolution', params: { number: 'A' }, userId: tech.userId },
          {
            kind: 'ticket_sla_resolution',
            params: { number: 'B' },
            userId: tech.userId,
            permission: 'billing.view',
          },
          { kind: 'ticket_sla_resolution', params: { number: 'C' }, userId: f.ownerId },
          { kind: 'overdue', params: { count: 2 } },
        ],
        at,
      ),
    )
    const numbers = async (reader: typeof owner | typeof tech) =>
      (await listNotifications(f.db, reader)).map((n) => n.params.number ?? n.kind).sort()
    // Company-wide notices are unchanged; B needs billing.view, which a technician lacks.
    expect(await numbers(tech)).toEqual(['A', 'overdue'])
    expect(await numbers(owner)).toEqual(['C', 'overdue'])
    expect(await unreadCount(f.db, tech)).toBe(2)
    expect(await markNotificationsRead(f.deps, tech, 'all')).toBe(2)
    expect(await unreadCount(f.db, owner)).toBe(2)
  })
})
