import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { expect, type Host } from './fixtures'
import { CLI_ENTRY } from '../helpers/node-entries'

const ROOT = path.resolve(import.meta.dirname, '../..')
const run = promisify(execFile)

/** `YYYY-MM-DD` plus n days (calendar arithmetic, no time zone involved). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}

/** Today as the company (Asia/Jakarta) counts days; the host uses the real clock. */
export function jakartaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date())
}

/** `npm run cli -- demo-data …` into the running host's data dir (SQLite WAL: both may write). */
export async function demoData(
  host: Host,
  demo: { customers: number; seed: string; asOf: string },
): Promise<void> {
  const { stdout } = await run(
    process.execPath,
    [
      CLI_ENTRY,
      'demo-data',
      '--customers',
      String(demo.customers),
      '--seed',
      demo.seed,
      '--as-of',
      demo.asOf,
      '--data-dir',
      host.dataDir,
      '--json',
    ],
    { cwd: ROOT },
  )
  const answer = JSON.parse(stdout.trim())
  expect(answer).toMatchObject({ ok: true, customers: { created: demo.customers } })
}
