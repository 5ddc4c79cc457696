import { afterEach, describe, expect, it } from 'vitest'
import type { AutopilotDeps } from '../collections'
import { RouterPool } from '../network'
import { companyFixture } from '../testing'
import { JOBS, listJobs, nextRunTimes, previewJob, setJobPaused, startScheduler } from '.'

type Fixture = Awaited<ReturnType<typeof companyFixture>>
let f: Fixture | null = null
let deps: AutopilotDeps

afterEach(async () => {
  await deps?.routers.closeAll()
  await f?.db.destroy()
  f = null
})

async function setUp(start: string) {
  const fx = await companyFixture(start)
  deps = { ...fx.deps, routers: new RouterPool() }
  const actor = {
    companyId: fx.companyId,
    userId: fx.ownerId,
    username: 'owner',
    ip: '192.0.2.1',
    userAgent: 'test',
  }
  f = fx
  return { ...fx, actor }
}

const when = (name: string) => JOBS.find((j) => j.name === name)!.when
const iso = (dates: Date[]) => dates.map((d) => d.toISOString())

const schedulerRuns = () =>
  f!.db
    .selectFrom('job_runs')
    .select(['job', 'as_of', 'trigger', 'status'])
    .where('trigger', '=', 'schedule')
    .execute()

async function until(check: () => Promise<boolean>, ms = 5000) {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('when the jobs run', () => {
  it('reminders at 08:00 company time: 01:00 UTC in Jakarta (WIB), 23:00 UTC the day before in Jayapura (WIT)', () => {
    const from = new Date('2026-11-22T03:00:00Z') // 10:00 WIB, 12:00 WIT
    expect(iso(nextRunTimes(when('reminders'), 'Asia/Jakarta', from, 2))).toEqual([
      '2026-11-23T01:00:00.000Z',
      '2026-11-24T01:00:00.000Z',
    ])
    expect(iso(nextRunTimes(when('reminders'), 'Asia/Jayapura', from, 1))).toEqual([
      '2026-11-22T23:00:00.000Z',
    ])
  })

  it('restore every ten minutes, the notification check at 07:00 and each half hour', () => {
    const from = new Date('2026-11-22T03:00:00Z')
    expect(iso(nextRunTimes(when('restore'), 'Asia/Jakarta', from, 3))).toEqual([
      '2026-11-22T03:05:00.000Z',
      '2026-11-22T03:15:00.000Z',
      '2026-11-22T03:25:00.000Z',
    ])
    // 23:50 WIB: the half-hour check, then 07:00 and 07:30 the next morning are both there.
    const night = new Date('2026-11-22T16:50:00Z')
    const checks = iso(nextRunTimes(when('notifications'), 'Asia/Jakarta', night, 10))
    expect(checks[0]).toBe('2026-11-22T17:30:00.000Z')
    expect(checks).toContain('2026-11-23T00:00:00.000Z')
    expect(checks).toContain('2026-11-23T00:30:00.000Z')
    expect(nextRunTimes(when('device-queue'), 'Asia/Jakarta', from, 3)).toEqual([])
  })

  it('the schedule page follows the company’s time zone', async () => {
    const f = await setUp('2026-11-22T03:00:00Z')
    const jakarta = await listJobs(deps, f.companyId)
    expect(jakarta.find((j) => j.name === 'reminders')).toMatchObject({
      cron: ['0 8 * * *'],
      nextRun: '2026-11-23T01:00:00.000Z',
      paused: false,
      lastRun: null,
    })
    expect(jakarta.find((j) => j.name === 'device-queue')).toMatchObject({
      continuous: true,
      nextRun: null,
    })
    await f.db.updateTable('companies').set({ time_zone: 'Asia/Jayapura' }).execute()
    const jayapura = await listJobs(deps, f.companyId)
    expect(jayapura.find((j) => j.name === 'reminders')?.nextRun).toBe('2026-11-22T23:00:00.000Z')
    expect(await previewJob(deps, f.companyId, 'isolir', 2)).toEqual([
      '2026-11-23T00:00:00.000Z',
      '2026-11-24T00:00:00.000Z',
    ])
  })
})

describe('the running scheduler', () => {
  it('starts a job on its tick as of today in the company zone, skips it while paused, and stops cleanly', async () => {
    // 23:30 UTC is already the next day in Jakarta.
    const f = await setUp('2026-11-22T23:30:00Z')
    const scheduler = await startScheduler(deps, {
      patterns: { notifications: ['* * * * * *'] },
      registry: JOBS.filter((j) => j.name === 'notifications'),
      log: () => undefined,
    })
    try {
      expect(scheduler.nextRun(f.companyId, 'notifications')).toBeInstanceOf(Date)
      await until(async () => (await schedulerRuns()).some((r) => r.status === 'done'))
      expect((await schedulerRuns())[0]).toMatchObject({
        job: 'notifications',
        as_of: '2026-11-23',
        trigger: 'schedule',
      })

      await setJobPaused(deps, f.actor, 'notifications', true)
      // Whatever tick was under way when the pause landed finishes; after that, nothing.
      await new Promise((r) => setTimeout(r, 1100))
      const whilePaused = (await schedulerRuns()).length
      await new Promise((r) => setTimeout(r, 1500))
      expect((await schedulerRuns()).length).toBe(whilePaused)
    } finally {
      await scheduler.stop()
    }
    await setJobPaused(deps, f.actor, 'notifications', false)
    const stoppedAt = (await schedulerRuns()).length
    await new Promise((r) => setTimeout(r, 1500))
    expect((await schedulerRuns()).length).toBe(stoppedAt)
    expect((await schedulerRuns()).every((r) => r.status !== 'running')).toBe(true)
  })

  it('a host that starts closes the runs its previous life left running, not the CLI’s', async () => {
    const f = await setUp('2026-11-22T03:00:00Z')
    const running = (trigger: 'manual' | 'schedule' | 'cli') =>
      f.db
        .insertInto('job_runs')
        .values({
          company_id: f.companyId,
          job: 'isolir',
          as_of: '2026-11-22',
          trigger,
          status: 'running',
          started_at: '2026-11-22T02:55:00Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    const manual = await running('manual')
    const cli = await running('cli')
    const scheduler = await startScheduler(deps, { registry: [] })
    await scheduler.stop()
    const rows = await f.db.selectFrom('job_runs').select(['id', 'status', 'error']).execute()
    expect(rows.find((r) => r.id === manual.id)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('Terhenti'),
    })
    expect(rows.find((r) => r.id === cli.id)?.status).toBe('running')
  })
})
