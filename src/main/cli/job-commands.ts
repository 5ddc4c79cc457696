import { dateInZone, isCalendarDate } from '@shared/dates'
import { cronOf, type JobName, type JobWhen } from '@shared/schemas'
import { cliActor } from '../core/audit'
import type { AutopilotDeps } from '../core/collections'
import { companyTimeZone } from '../core/companies'
import type { QueueRunReport } from '../core/network'
import {
  JOBS,
  isContinuous,
  pausedJobs,
  runDaily,
  runJob,
  type DailyItem,
  type JobRunResult,
} from '../core/scheduler'
import type { CommandArgs, CommandDef } from './commands'
import { firstCompanyId } from './db'
import { withNetwork } from './network-deps'
import { countsText, day } from './words'
import { argumentError, optionError } from './option-errors'

/** What each job does, as `jobs list` tells an operator. */
const DESCRIPTIONS: Record<JobName, string> = {
  invoices: 'Tagihan bulanan pada hari tagih perusahaan, lalu pesan "tagihan terbit"',
  restore: 'Buka isolir layanan yang tunggakannya sudah lunas',
  reminders: 'Pengingat tagihan sesuai jadwal pengingat (sebelum/pada/sesudah jatuh tempo)',
  isolir: 'Isolir otomatis layanan yang lewat jatuh tempo + masa tenggang',
  'device-queue': 'Antrean router: terapkan perubahan ke MikroTik',
  messages: 'Kirim pesan WhatsApp/email yang masih antre',
  notifications: 'Notifikasi: jatuh tempo hari ini, tunggakan, pesan gagal, pekerjaan router gagal',
  reconcile: 'Rekonsiliasi router: hitung selisih router dan Loket (tidak mengubah apa pun)',
  'ticket-sla': 'SLA tiket: beri tahu penanggung jawab dan supervisor tiket yang lewat target',
  'gateway-poll': 'Pembayaran online: tanyakan transaksi yang belum dibayar ke gateway',
  'olt-poll': 'Baca ONU semua OLT (status, sinyal RX) dan simpan riwayat RX harian',
  'usage-collect':
    'Catat pemakaian: baca penghitung byte tiap router, tambahkan ke pemakaian harian layanan',
}

function whenWords(when: JobWhen): string {
  switch (when.kind) {
    case 'daily':
      return `setiap hari ${when.at}`
    case 'every_minutes':
      return `setiap ${when.minutes} menit`
    case 'hourly':
      return `setiap jam (menit ${when.minute})`
    case 'continuous':
      return 'terus-menerus (pekerja latar host)'
  }
}

const STATUS_WORDS: Record<string, string> = {
  done: 'selesai',
  failed: 'GAGAL',
  running: 'berjalan',
  paused: 'dijeda, dilewati',
  busy: 'sedang berjalan di tempat lain, dilewati',
}

function runLines(item: DailyItem): string[] {
  if (!('id' in item)) return [`${item.job}: ${STATUS_WORDS[item.status]}`]
  const lines = [`${item.job}: ${STATUS_WORDS[item.status]} — ${countsText(item.counts)}`]
  if (item.error) lines.push(`  ${item.error}`)
  // The device queue names each router job that failed, as `isolir apply` does.
  const jobs = (item.detail?.jobs ?? []) as QueueRunReport['jobs']
  for (const j of jobs.filter((j) => !j.ok))
    lines.push(`  ✗ #${j.id} ${j.kind} ${j.service ?? ''} (${j.router}): ${j.error}`)
  return lines
}

const runJson = (item: DailyItem) =>
  'id' in item
    ? {
        // The device queue's own report (applied, failed, jobs) stays where scripts found it.
        ...item.detail,
        job: item.job,
        runId: item.id,
        asOf: item.asOf,
        status: item.status,
        counts: item.counts,
        error: item.error,
      }
    : { job: item.job, runId: null, status: item.status, counts: {}, error: null }

/** A run that failed, or a router queue that left work behind, makes the command exit 1. */
function leftWork(item: DailyItem): boolean {
  if (!('id' in item)) return item.status === 'busy'
  if (item.status === 'failed') return true
  return item.job === 'device-queue' && (item.counts.failed ?? 0) + (item.counts.retrying ?? 0) > 0
}

async function asOfFor(values: CommandArgs['values'], deps: AutopilotDeps, companyId: number) {
  const v = values['as-of']
  if (v === undefined) return dateInZone(deps.clock.now(), await companyTimeZone(deps, companyId))
  if (typeof v !== 'string' || !isCalendarDate(v)) {
    throw optionError('as-of', 'cli.date')
  }
  return v
}

/**
 * Everything a job may need from the command line: the router pool (closed before exit) and the
 * data directory (the WhatsApp Web session lives there). Built as a plain object so it fits
 * whatever the messaging deps ask of the data directory.
 */
async function withJobs<T>(
  dataDir: string,
  fn: (deps: AutopilotDeps, companyId: number) => Promise<T>,
): Promise<T> {
  return withNetwork(dataDir, async (network, db) => {
    const deps = { ...network, dataDir }
    return fn(deps, await firstCompanyId(db))
  })
}

/** `jobs run <job>|daily`, `jobs list`: the scheduler's jobs by hand, as of any day. */
export const jobCommands: Record<string, CommandDef> = {
  'jobs run': {
    usage: `jobs run <${JOBS.map((j) => j.name).join('|')}|daily> [--as-of YYYY-MM-DD]`,
    stringOptions: ['as-of'],
    run: async ({ dataDir, positionals, values, out }) => {
      const job = positionals[0]
      if (!job) throw argumentError('JOB', 'cli.job')
      const result = await withJobs(dataDir, async (deps, companyId) => {
        const asOf = await asOfFor(values, deps, companyId)
        const req = {
          companyId,
          asOf,
          trigger: 'cli' as const,
          actor: { ...cliActor(companyId), companyId },
        }
        if (job === 'daily') return { asOf, daily: await runDaily(deps, req) }
        return { asOf, run: await runJob(deps, { ...req, job }) }
      })
      if ('run' in result && result.run) {
        const run: JobRunResult = result.run
        out.result(
          runJson(run),
          [`Tugas ${run.job} per ${day(run.asOf)}`, ...runLines(run)].join('\n'),
        )
        return leftWork(run) ? 1 : 0
      }
      const runs = result.daily ?? []
      out.result(
        { asOf: result.asOf, runs: runs.map(runJson) },
        [`Semua tugas harian per ${day(result.asOf)}`, ...runs.flatMap(runLines)].join('\n'),
      )
      return runs.some(leftWork) ? 1 : 0
    },
  },
  'jobs list': {
    usage: 'jobs list',
    run: async ({ dataDir, out }) => {
      const paused = await withJobs(dataDir, (deps, companyId) => pausedJobs(deps.db, companyId))
      const jobs = JOBS.map((def) => {
        const schedules = def.when.map(cronOf).filter((c): c is string => c !== null)
        return {
          name: def.name,
          schedule: schedules.length ? schedules.join(' | ') : null,
          schedules,
          when: def.when.map(whenWords).join(', '),
          continuous: isContinuous(def),
          description: DESCRIPTIONS[def.name],
          paused: paused.has(def.name),
        }
      })
      const width = Math.max(...jobs.map((j) => j.name.length))
      out.result(
        { jobs },
        [
          'Tugas terjadwal (zona waktu perusahaan):',
          ...jobs.map(
            (j) =>
              `  ${j.name.padEnd(width)}  ${j.when}${j.paused ? ' [DIJEDA]' : ''}\n  ${' '.repeat(width)}  ${j.description}`,
          ),
        ].join('\n'),
      )
      return 0
    },
  },
}
