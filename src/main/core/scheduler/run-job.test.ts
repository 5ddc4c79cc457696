import { afterEach, describe, expect, it } from 'vitest'
import { billingFixture } from '../billing/testing'
import type { AutopilotDeps } from '../collections'
import { RouterPool } from '../network'
import {
  JOBS,
  getRun,
  listRuns,
  runDaily,
  runJob,
  setJobPaused,
  startJob,
  type JobDef,
  type JobRegistry,
} from '.'

type Fixture = Awaited<ReturnType<typeof billingFixture>>
let f: Fixture
let deps: AutopilotDeps

async function setUp(start = '2026-02-01T03:00:00Z') {
  f = await billingFixture(start)
  deps = { ...f.deps, routers: new RouterPool() }
}

afterEach(async () => {
  await deps.routers.closeAll()
  await f.db.destroy()
})

const byHand = () => ({ companyId: f.companyId, trigger: 'cli' as const, actor: f.actor })
const bySchedule = () => ({
  companyId: f.companyId,
  trigger: 'schedule' as const,
  actor: { ...f.actor, userId: null, username: 'system:jadwal' },
})

/** Jobs made for a test: one that counts, one that breaks, one that waits to be let go. */
function testJobs() {
  let release: () => void = () => undefined
  const gate = new Promise<void>((resolve) => (release = resolve))
  const order: string[] = []
  const job = (name: string, run: JobDef['run']): JobDef =>
    ({ name, when: [{ kind: 'daily', at: '08:00' }], run }) as JobDef
  const registry: JobRegistry = [
    job('invoices', async () => {
      order.push('invoices')
      return { counts: { invoices: 3, skipped: 1 } }
    }),
    job('restore', async () => {
      order.push('restore')
      throw new Error('router POP Utama tidak menjawab')
    }),
    job('reminders', async () => {
      order.push('reminders')
      await gate
      return { counts: { queued: 2 } }
    }),
    job('isolir', async () => {
      order.push('isolir')
      return { counts: { isolated: 1 } }
    }),
  ]
  return { registry, release, order }
}

describe('runJob', () => {
  it('records a run with its counts, who started it and when it finished', async () => {
    await setUp()
    const { registry } = testJobs()
    const run = await runJob(deps, { ...byHand(), job: 'invoices', asOf: '2026-02-01' }, registry)
    expect(run).toMatchObject({
      job: 'invoices',
      asOf: '2026-02-01',
      trigger: 'cli',
      status: 'done',
      counts: { invoices: 3, skipped: 1 },
      error: null,
      username: 'owner',
      finishedAt: expect.any(String),
    })
    expect(await getRun(f.db, f.companyId, run.id)).toMatchObject({ status: 'done' })
    const audit = await f.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'schedule.run')
      .execute()
    expect(audit).toEqual([{ action: 'schedule.run', entity_id: String(run.id) }])
  })

  it('records a failure as a failed run with the error, and tells the office once a day', async () => {
    await setUp()
    const { registry } = testJobs()
    const first = await runJob(
      deps,
      { ...bySchedule(), job: 'restore', asOf: '2026-02-01' },
      registry,
    )
    expect(first).toMatchObject({ status: 'failed', error: 'router POP Utama tidak menjawab' })
    await runJob(deps, { ...bySchedule(), job: 'restore', asOf: '2026-02-01' }, registry)
    const notices = await f.db.selectFrom('notifications').selectAll().execute()
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({
      kind: 'job_failed',
      permission: 'schedule.view',
      link: '/schedule?job=restore&status=failed',
    })
    expect(JSON.parse(notices[0]!.params_json)).toEqual({ job: 'restore', date: '2026-02-01' })

    // Somebody at the keyboard sees the failure themselves: no notification for their run.
    const mine = await runJob(deps, { ...byHand(), job: 'restore', asOf: '2026-02-02' }, registry)
    expect(mine.status).toBe('failed')
    expect(await f.db.selectFrom('notifications').selectAll().execute()).toHaveLength(1)
    // A scheduled run never writes to the audit log; only people do.
    const audit = await f.db.selectFrom('audit_log').select('action').execute()
    expect(audit.filter((a) => a.action === 'schedule.run')).toHaveLength(1)
  })

  it('refuses an unknown job and a job that is already running', async () => {
    await setUp()
    const { registry, release } = testJobs()
    await expect(
      runJob(deps, { ...byHand(), job: 'backup', asOf: '2026-02-01' }, registry),
    ).rejects.toMatchObject({ code: 'JOB_UNKNOWN', details: { job: 'backup' } })

    const slow = await startJob(
      deps,
      { ...byHand(), job: 'reminders', asOf: '2026-02-01' },
      registry,
    )
    await expect(
      runJob(deps, { ...bySchedule(), job: 'reminders', asOf: '2026-02-01' }, registry),
    ).rejects.toMatchObject({ code: 'JOB_BUSY', details: { job: 'reminders' } })
    // Another job of the same company is not held up.
    expect(
      (await runJob(deps, { ...byHand(), job: 'isolir', asOf: '2026-02-01' }, registry)).status,
    ).toBe('done')
    release()
    expect((await slow.done).status).toBe('done')
    expect(
      (await runJob(deps, { ...byHand(), job: 'reminders', asOf: '2026-02-01' }, registry)).status,
    ).toBe('done')
  })

  it('closes a run left "running" by a host that died hours ago, then runs', async () => {
    await setUp()
    const { registry } = testJobs()
    const crashed = await f.db
      .insertInto('job_runs')
      .values({
        company_id: f.companyId,
        job: 'invoices',
        as_of: '2026-02-01',
        trigger: 'schedule',
        status: 'running',
        started_at: '2026-01-31T23:00:00Z', // four hours before the clock's 03:00
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const run = await runJob(deps, { ...byHand(), job: 'invoices', asOf: '2026-02-01' }, registry)
    expect(run.status).toBe('done')
    expect(await getRun(f.db, f.companyId, crashed.id)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('Terhenti'),
    })
  })
})

describe('runDaily', () => {
  it('runs the day in order, leaves paused jobs out and goes on after a failure', async () => {
    await setUp()
    const { registry, release, order } = testJobs()
    release()
    await setJobPaused(deps, f.actor, 'isolir', true, registry)
    const day = await runDaily(deps, { ...byHand(), asOf: '2026-02-01' }, registry)
    expect(day.map((r) => [r.job, r.status])).toEqual([
      ['invoices', 'done'],
      ['restore', 'failed'],
      ['reminders', 'done'],
      ['isolir', 'paused'],
    ])
    expect(order).toEqual(['invoices', 'restore', 'reminders'])

    // Paused means "not by the schedule": asked for by name, it runs.
    const byName = await runJob(deps, { ...byHand(), job: 'isolir', asOf: '2026-02-01' }, registry)
    expect(byName).toMatchObject({ status: 'done', counts: { isolated: 1 } })

    const history = await listRuns(f.db, f.companyId, {
      job: null,
      status: 'failed',
      page: 1,
      pageSize: 20,
    })
    expect(history).toMatchObject({ total: 1, rows: [{ job: 'restore' }] })
  })

  it('pausing and resuming is audited; the router queue cannot be paused, the message sender can', async () => {
    await setUp()
    await setJobPaused(deps, f.actor, 'reminders', true)
    await setJobPaused(deps, f.actor, 'reminders', true)
    await setJobPaused(deps, f.actor, 'reminders', false)
    const audit = await f.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'before_json', 'after_json'])
      .where('action', 'in', ['schedule.pause', 'schedule.resume'])
      .orderBy('id')
      .execute()
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
      ['schedule.pause', 'reminders'],
      ['schedule.resume', 'reminders'],
    ])
    await expect(setJobPaused(deps, f.actor, 'device-queue', true)).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    expect(await setJobPaused(deps, f.actor, 'messages', true)).toEqual({
      job: 'messages',
      paused: true,
    })
  })

  it('the real day runs every job in the scheduler order', async () => {
    await setUp('2026-02-02T03:00:00Z')
    await setJobPaused(deps, f.actor, 'reminders', true)
    await setJobPaused(deps, f.actor, 'messages', true)
    const day = await runDaily(deps, { ...byHand(), asOf: '2026-02-02' })
    expect(day.map((r) => r.job)).toEqual(JOBS.map((j) => j.name))
    expect(day.filter((r) => r.status === 'paused').map((r) => r.job)).toEqual([
      'reminders',
      'messages',
    ])
    const failed = day.filter((r) => r.status === 'failed')
    expect(failed, JSON.stringify(failed)).toEqual([])
    expect(day.find((r) => r.job === 'invoices')).toMatchObject({ counts: { not_due: 1 } })
  })
})

describe('the invoices job', () => {
  it('bills on the company’s billing day only, and a second run bills nobody twice', async () => {
    await setUp()
    const budi = await f.customer('Budi Santoso')
    await f.customer('Sari Dewi')
    const before = await runJob(deps, { ...byHand(), job: 'invoices', asOf: '2026-01-31' })
    expect(before).toMatchObject({ status: 'done', counts: { not_due: 1 } })

    const first = await runJob(deps, { ...byHand(), job: 'invoices', asOf: '2026-02-01' })
    expect(first).toMatchObject({ status: 'done', counts: { invoices: 2, already_billed: 0 } })
    expect(first.counts.total).toBe(300_000)
    const again = await runJob(deps, { ...byHand(), job: 'invoices', asOf: '2026-02-01' })
    expect(again).toMatchObject({ status: 'done', counts: { invoices: 0, already_billed: 2 } })
    expect((await f.invoicesOf(budi.customerId)).map((i) => i.period)).toEqual(['2026-02'])

    await f.settings({ defaultBillingDay: 5 })
    const fifth = await runJob(deps, { ...byHand(), job: 'invoices', asOf: '2026-02-01' })
    expect(fifth.counts).toMatchObject({ not_due: 1 })
    expect(fifth.counts.invoices).toBeUndefined()
  })
})
