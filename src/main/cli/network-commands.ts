import { routerInput } from '@shared/schemas'
import { cliActor } from '../core/audit'
import { companyTimeZone } from '../core/companies'
import { isolirByHand } from '../core/collections'
import {
  createRouter,
  customerServiceIds,
  findRouterByName,
  runDeviceQueue,
  testRouter,
  type NetworkDeps,
  type QueueRunReport,
} from '../core/network'
import type { CommandArgs, CommandDef } from './commands'
import { firstCompanyId } from './db'
import { withNetwork } from './network-deps'
import { count } from './words'
import { argumentError, optionError, schemaError } from './option-errors'

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined)

function need(values: CommandArgs['values'], name: string): string {
  const v = str(values[name])
  if (!v) throw optionError(name, 'cli.required')
  return v
}

function queueLines(r: QueueRunReport): string[] {
  return [
    `  diterapkan di router: ${count(r.applied)}, gagal: ${count(r.failed)}, dicoba lagi nanti: ${count(r.retrying)}`,
    ...r.jobs
      .filter((j) => !j.ok)
      .map((j) => `  ✗ #${j.id} ${j.kind} ${j.service ?? ''} (${j.router}): ${j.error}`),
  ]
}

const queueJson = (r: QueueRunReport) => ({
  applied: r.applied,
  failed: r.failed,
  retrying: r.retrying,
  jobs: r.jobs,
})

async function isolirCommand(args: CommandArgs, action: 'isolir' | 'restore') {
  const code = need(args.values, 'customer')
  const reason =
    str(args.values.reason) ?? (action === 'isolir' ? 'Isolir dari CLI' : 'Buka isolir dari CLI')
  const result = await withNetwork(args.dataDir, async (deps: NetworkDeps, db) => {
    const companyId = await firstCompanyId(db)
    const serviceIds = await customerServiceIds(deps, companyId, code)
    // --no-notice: no isolir notice this time; otherwise the policy (sendManualIsolirNotice).
    const notify = args.values['no-notice'] === true ? false : undefined
    const applied = await isolirByHand(
      deps,
      { ...cliActor(companyId), companyId },
      { action, serviceIds, reason, notify },
      await companyTimeZone(deps, companyId),
    )
    // The CLI has no background worker: apply this customer's router jobs now, like the host would.
    const queue = await runDeviceQueue(deps, { companyId })
    return { applied, queue }
  })
  const { applied, queue } = result
  args.out.result(
    {
      customer: code,
      action,
      changed: applied.changed,
      skipped: applied.rows
        .filter((r) => r.will === 'skip')
        .map((r) => ({ service: r.sid, status: r.status, reason: r.skip })),
      services: applied.rows.map((r) => ({ service: r.sid, router: r.router, status: r.status })),
      router: queueJson(queue),
      notices: applied.notices,
    },
    [
      `${action === 'isolir' ? 'Isolir' : 'Buka isolir'} ${code}: ${count(applied.changed)} layanan diubah, ${count(applied.skipped)} dilewati`,
      ...applied.rows.filter((r) => r.will === 'skip').map((r) => `  dilewati ${r.sid}: ${r.skip}`),
      ...(action === 'isolir' ? [noticeLine(applied.notices)] : []),
      ...queueLines(queue),
    ].join('\n'),
  )
  return queue.failed > 0 ? 1 : 0
}

function noticeLine(n: Record<string, number>): string {
  if (n.disabled) return '  pemberitahuan isolir: tidak dikirim'
  return (
    `  pemberitahuan isolir: ${n.queued ?? 0} masuk antrean, ${n.skipped ?? 0} dilewati` +
    (n.skipped_no_arrears ? `, ${n.skipped_no_arrears} tanpa tunggakan` : '') +
    (n.duplicates ? `, ${n.duplicates} sudah terkirim hari ini` : '')
  )
}

/**
 * Routers and isolir from the command line, through the same core services. The device queue runs
 * as a job: `jobs run device-queue`.
 */
export const networkCommands: Record<string, CommandDef> = {
  'router add': {
    usage:
      'router add --name N --host H [--port 8728] --user U --password W [--tls] [--isolir-profile ISOLIR]',
    stringOptions: ['name', 'host', 'port', 'user', 'password', 'isolir-profile', 'isolir-list'],
    options: { username: 'user' },
    run: async ({ dataDir, values, out }) => {
      const tls = values.tls === true
      const parsed = routerInput.safeParse({
        name: need(values, 'name'),
        host: need(values, 'host'),
        port: str(values.port) ?? (tls ? 8729 : 8728),
        tls,
        username: need(values, 'user'),
        password: need(values, 'password'),
        isolirProfile: str(values['isolir-profile']),
        isolirList: str(values['isolir-list']),
      })
      if (!parsed.success) throw schemaError(parsed.error)
      const router = await withNetwork(dataDir, async (deps, db) => {
        const companyId = await firstCompanyId(db)
        return createRouter(deps, { ...cliActor(companyId), companyId }, parsed.data)
      })
      out.result(
        { id: router.id, name: router.name, host: router.host, port: router.port, tls: router.tls },
        `Router ${router.name} ditambahkan (${router.host}:${router.port}${router.tls ? ', TLS' : ''}). Uji dengan: router test "${router.name}"`,
      )
      return 0
    },
  },
  'router test': {
    usage: 'router test NAME',
    run: async ({ dataDir, positionals, out }) => {
      const name = positionals.join(' ').trim()
      if (!name) throw argumentError('NAME', 'cli.router')
      const probe = await withNetwork(dataDir, async (deps, db) => {
        const companyId = await firstCompanyId(db)
        const router = await findRouterByName(db, companyId, name)
        return testRouter(deps, companyId, { id: router.id })
      })
      const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`
      out.result(
        { router: name, ok: true, ...probe },
        [
          `Terhubung ke ${name}: ${probe.identity}`,
          `  RouterOS ${probe.version}, ${probe.board}`,
          `  uptime ${Math.floor(probe.uptimeSeconds / 86400)} hari, CPU ${probe.cpuLoad}%, memori bebas ${mb(probe.freeMemory)} dari ${mb(probe.totalMemory)}`,
        ].join('\n'),
      )
      return 0
    },
  },
  'isolir apply': {
    usage: 'isolir apply --customer CODE [--reason TEXT] [--no-notice]',
    stringOptions: ['customer', 'reason'],
    run: (args) => isolirCommand(args, 'isolir'),
  },
  'isolir restore': {
    usage: 'isolir restore --customer CODE [--reason TEXT]',
    stringOptions: ['customer', 'reason'],
    run: (args) => isolirCommand(args, 'restore'),
  },
}
