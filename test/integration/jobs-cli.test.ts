import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, seedCustomers } from '../helpers/cli-process'
import { JOB_NAMES } from '@shared/schemas'
import { migrateToLatest, openDatabase } from '@core/db'
import { makeDataDir } from '../helpers/data-dir'

let dataDir: string

const cli = (args: string[], o: { human?: boolean } = {}) => runCli(dataDir, args, o)

async function withData<T>(fn: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const db = openDatabase(dataDir)
  try {
    await migrateToLatest(db)
    return await fn(db)
  } finally {
    await db.destroy()
  }
}

const invoiceCount = () =>
  withData(async (db) =>
    Number(
      (
        await db
          .selectFrom('invoices')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  )

beforeAll(async () => {
  dataDir = await makeDataDir('loket-jobs-cli-')
  const init = await cli([
    'init',
    '--company',
    'Net Jaya',
    '--admin-user',
    'owner',
    '--admin-password',
    'Sangat-Rahasia-42',
  ])
  expect(init.code).toBe(0)
  // Two customers with one Rp150.000 package each, billed on the 1st (the company default).
  await seedCustomers(dataDir, ['Budi Santoso', 'Sari Dewi'])
}, 60_000)

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true })
})

describe('jobs from the command line', () => {
  it('jobs list names every job with its schedule', async () => {
    const list = await cli(['jobs', 'list'])
    expect(list.code).toBe(0)
    const jobs = list.json.jobs as { name: string; schedule: string | null; paused: boolean }[]
    expect(jobs.map((j) => j.name)).toEqual([...JOB_NAMES])
    expect(jobs.find((j) => j.name === 'reminders')).toMatchObject({
      schedule: '0 8 * * *',
      paused: false,
      description: expect.stringContaining('Pengingat'),
    })
    expect(jobs.find((j) => j.name === 'device-queue')?.schedule).toBeNull()
  })

  it('jobs run invoices on the billing day issues the month once, however often it runs', async () => {
    const first = await cli(['jobs', 'run', 'invoices', '--as-of', '2026-12-01'])
    expect(first).toMatchObject({
      code: 0,
      json: {
        job: 'invoices',
        asOf: '2026-12-01',
        status: 'done',
        counts: { invoices: 2, total: 300_000 },
        error: null,
      },
    })
    expect(first.json.runId).toEqual(expect.any(Number))
    expect(await invoiceCount()).toBe(2)

    const again = await cli(['jobs', 'run', 'invoices', '--as-of', '2026-12-01'])
    expect(again).toMatchObject({ code: 0, json: { counts: { invoices: 0, already_billed: 2 } } })
    expect(await invoiceCount()).toBe(2)

    const notDue = await cli(['jobs', 'run', 'invoices', '--as-of', '2026-12-02'], { human: true })
    expect(notDue.code).toBe(0)
    expect(notDue.stdout).toContain('Tugas invoices per 02/12/2026')
    expect(notDue.stdout).toContain('bukan hari tagih: 1')
  })

  it('jobs run daily runs every job of the day in order and prints one JSON object', async () => {
    const day = await cli(['jobs', 'run', 'daily', '--as-of', '2026-12-02'])
    expect(day.json.asOf).toBe('2026-12-02')
    const runs = day.json.runs as { job: string; status: string; runId: number }[]
    expect(runs.map((r) => r.job)).toEqual([...JOB_NAMES])
    expect(
      runs.filter((r) => r.status !== 'done'),
      JSON.stringify(runs),
    ).toEqual([])
    expect(day.code).toBe(0)
    const recorded = await withData((db) =>
      db
        .selectFrom('job_runs')
        .select(['job', 'trigger'])
        .where('as_of', '=', '2026-12-02')
        .execute(),
    )
    expect(recorded.filter((r) => r.trigger === 'cli').map((r) => r.job)).toEqual(
      expect.arrayContaining([...JOB_NAMES]),
    )
  })

  it('an unknown job is refused in Indonesian with exit code 1', async () => {
    const json = await cli(['jobs', 'run', 'backup', '--as-of', '2026-12-02'])
    expect(json).toMatchObject({ code: 1, json: { ok: false, error: { code: 'JOB_UNKNOWN' } } })
    const human = await cli(['jobs', 'run', 'backup'], { human: true })
    expect(human.code).toBe(1)
    expect(human.stderr).toContain('Tugas "backup" tidak dikenal')

    const badDate = await cli(['jobs', 'run', 'invoices', '--as-of', '1 Desember'])
    expect(badDate).toMatchObject({ code: 1, json: { error: { code: 'VALIDATION' } } })
  })
})
