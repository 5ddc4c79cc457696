import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import type { ApiServices } from '@api/index'
import { createInFlight } from '@api/in-flight'
import { buildHttpServer } from '@server/http-server'
import { AppError, isAppError } from '@shared/errors'
import { isLoopbackAddress } from '@shared/host-names'
import { systemClock, type Clock } from './core/clock'
import { companyTimeZone, createSetupCode, needsSetup } from './core/companies'
import { appendAudit } from './core/audit'
import {
  migrateToLatest,
  openDatabase,
  startCheckpoints,
  writeTx,
  type OpenDatabaseOptions,
} from './core/db'
import { directoryFileStore } from './core/files'
import { RouterPool, startDeviceWorker } from './core/network'
import { createWhatsappSessions, startMessageSender } from './core/messaging'
import { jobRunsSettled, pausedJobs, startScheduler, type Scheduler } from './core/scheduler'
import {
  backupRunsSettled,
  finishSwap,
  startBackupSchedule,
  swapInBackup,
  type LiveRestoreRequest,
  type LiveRestoreState,
  type LiveSwap,
} from './core/backup'
import {
  bindStoredSecrets,
  dataDirSecretBox,
  sealStoredLogins,
  sealStoredVouchers,
} from './core/secrets'
import { advertiseHost, type Advertisement, type MdnsOptions } from './core/mode'
import { updatesDir } from './core/updates'
import { APP_VERSION } from './version'

export interface HostOptions {
  dataDir: string
  port: number
  host?: string
  /** Extra names under which the LAN may change data (`--allow-host`); see own-host-names.ts. */
  allowHosts?: readonly string[]
  webRoot?: string
  clock?: Clock
  database?: OpenDatabaseOptions
  /** Apply router jobs in the background (default on; tests of the queue itself turn it off). */
  deviceWorker?: boolean
  /** Run the scheduled jobs (invoices, reminders, isolir …) on their times (default on). */
  scheduler?: boolean
  /** Send the outbox's messages in the background (default on). */
  messageSender?: boolean
  /** Announce `_loket._tcp` on the LAN so client desktops find this host (default: when it serves the LAN). */
  advertise?: boolean
  /** mDNS socket options for announcing and browsing (tests: loopback only, never a LAN). */
  mdns?: MdnsOptions
  /** Tests only: make a restore over the live data fail at a given step. */
  restoreFaults?: RestoreFaults
}

export interface RunningHost {
  /** The same address and port across a restart (a restore over the live data). */
  url: string
  services: ApiServices
  /**
   * The one-time code for setting up a fresh host from another PC (`ABCD-EFGH`), or null when
   * the host is set up already or only this PC can reach it. A new one on every start.
   */
  setupCode: string | null
  /** The Fastify server, for tests that call it as a LAN client would (`inject` with a remoteAddress). */
  server: FastifyInstance
  close(): Promise<void>
  /** Resolves when a restart (restore over the live data) in progress has ended; tests wait on it. */
  restarted(): Promise<void>
}

/** One start of the host; `startHost` replaces it with a new one on a restart. */
interface HostInstance extends Omit<RunningHost, 'restarted'> {
  /** Stops everything but the listener (it answers 503 meanwhile); the result closes it too. */
  stopAllButListener(): Promise<() => Promise<void>>
}

/** Test-only faults of a restore over the live data (to prove the live data comes back). */
export interface RestoreFaults {
  afterMove?: boolean
}

/** The built renderer beside the sources (out/renderer), for `npm run serve`. */
export function defaultWebRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/renderer')
}

/**
 * Opens the data directory's database, migrates it, and serves the API and the UI on the LAN.
 * The page's "restore over the live data" restarts it in place (see restoreAndRestart): the
 * returned object then stands for the new start, on the same address and port.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  let current = await startHostOnce(options, {})
  // Port 0 (tests) picked a free port: a restart takes the same one again.
  const fixed: HostOptions = { ...options, port: current.services.listener?.port ?? options.port }
  let restarting: Promise<void> | null = null
  let last: LiveRestoreState | null = null
  const wire = (instance: HostInstance) => {
    instance.services.liveRestore = {
      state: () => last,
      begin: (request) => {
        if (restarting) throw new AppError('BACKUP_BUSY', 'a restore is running')
        last = {
          id: randomUUID(),
          status: 'running',
          startedAt: instance.services.clock.now().toISOString(),
          finishedAt: null,
          problem: null,
          safetyBackup: request.safetyBackup,
          keptAside: null,
        }
        const state = last
        restarting = restoreAndRestart(current, fixed, request, state).then(
          (next) => {
            current = next
            wire(next)
          },
          (error: unknown) => {
            // Not even the old data would start again: say why; the process has no host now.
            console.error('restore: the host did not start again:', error)
            state.status = 'failed'
          },
        )
        void restarting.finally(() => (restarting = null))
        return { ...state }
      },
    }
  }
  wire(current)
  return {
    url: current.url,
    get services() {
      return current.services
    },
    get server() {
      return current.server
    },
    get setupCode() {
      return current.setupCode
    },
    async close() {
      await restarting
      await current.close()
    },
    async restarted() {
      await restarting
    },
  }
}

/**
 * Restores a backup over the live data and starts the host again on the same address and port:
 * requests are refused (503) from the moment the restore was asked, the scheduler, workers and
 * database stop, the backup is restored beside the data and swapped in (the replaced data is
 * kept in `sebelum-pemulihan-<time>/`), and a new host starts on it. Any failure puts the live
 * data back and starts the host on it, so the office is never left without one.
 */
async function restoreAndRestart(
  old: HostInstance,
  options: HostOptions,
  request: LiveRestoreRequest,
  state: LiveRestoreState,
): Promise<HostInstance> {
  const inherit = {
    mutationsInFlight: old.services.mutationsInFlight,
    desktopUpdates: old.services.desktopUpdates,
  }
  // The request that asked (and any other call under way) ends first.
  await new Promise((resolve) => setTimeout(resolve, 20))
  await old.services.mutationsInFlight?.idle()
  const closeListener = await old.stopAllButListener()
  let swap: LiveSwap | null = null
  try {
    swap = await swapInBackup(options.dataDir, request.file, request.passphrase, {
      clock: old.services.clock,
      actor: request.actor,
      safetyBackup: request.safetyBackup,
      failAfterMove: options.restoreFaults?.afterMove,
    })
  } catch (error) {
    failed(state, old.services.clock, error)
  }
  await closeListener()
  if (swap) {
    try {
      const next = await startHostOnce(options, inherit)
      await finishSwap(options.dataDir)
      console.log(
        `Loket host restarted at ${next.url} on ${path.basename(request.file)}; ` +
          `the replaced data is kept in ${swap.aside}`,
      )
      Object.assign(state, {
        status: 'done',
        finishedAt: next.services.clock.now().toISOString(),
        keptAside: path.basename(swap.aside),
      })
      return next
    } catch (error) {
      await swap.undo()
      failed(state, old.services.clock, error)
    }
  }
  const again = await startHostOnce(options, inherit)
  // The live data serves again; its own audit log says a restore was tried and why it failed.
  await recordFailure(again.services, request, state).catch((error: unknown) =>
    console.error('restore: could not record the failure:', error),
  )
  return again
}

async function recordFailure(
  services: ApiServices,
  request: LiveRestoreRequest,
  state: LiveRestoreState,
): Promise<void> {
  const company = await services.db
    .selectFrom('companies')
    .select('id')
    .orderBy('id')
    .executeTakeFirst()
  await writeTx(services.db, (tx) =>
    appendAudit(
      tx,
      services.clock,
      { ...request.actor, companyId: company?.id ?? null },
      {
        action: 'backup.restore_live',
        after: {
          file: path.basename(request.file),
          safetyBackup: request.safetyBackup,
          failed: state.problem,
        },
      },
    ),
  )
}

function failed(state: LiveRestoreState, clock: Clock, error: unknown) {
  if (!isAppError(error)) console.error('restore over the live data failed:', error)
  Object.assign(state, {
    status: 'failed',
    finishedAt: clock.now().toISOString(),
    problem: isAppError(error) ? error.code : 'INTERNAL',
  })
}

async function startHostOnce(
  options: HostOptions,
  inherit: Pick<ApiServices, 'mutationsInFlight' | 'desktopUpdates'>,
): Promise<HostInstance> {
  const db = openDatabase(options.dataDir, options.database)
  const secrets = dataDirSecretBox(options.dataDir)
  try {
    await migrateToLatest(db)
    // Passwords kept in clear by an older version (or a restored backup) are sealed before serving.
    await sealStoredLogins(db, secrets)
    await sealStoredVouchers(db, secrets)
    // Router passwords saved before they were bound to their address are bound to it now.
    await bindStoredSecrets(db, secrets)
  } catch (error) {
    await db.destroy()
    throw error
  }
  const stopCheckpoints = await startCheckpoints(db)
  const routers = new RouterPool()
  const services: ApiServices = {
    db,
    clock: options.clock ?? systemClock,
    version: APP_VERSION,
    mutationsInFlight: inherit.mutationsInFlight ?? createInFlight(),
    desktopUpdates: inherit.desktopUpdates,
    changelogFile: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../CHANGELOG.md'),
    files: directoryFileStore(path.join(path.resolve(options.dataDir), 'files')),
    secrets,
    routers,
    dataDir: options.dataDir,
    mdns: options.mdns,
    // One linked WhatsApp Web session per company lives in this process only.
    whatsapp: createWhatsappSessions({ dataDir: options.dataDir }),
  }
  const worker = options.deviceWorker === false ? null : startDeviceWorker(services)
  services.onDeviceJobs = () => worker?.wake()
  const sender =
    options.messageSender === false
      ? null
      : startMessageSender(services, {
          // Pausing the `messages` job on the schedule page holds the outbox, too.
          shouldRun: async (companyId) => !(await pausedJobs(db, companyId)).has('messages'),
        })
  services.onMessages = () => sender?.wake()
  services.onUrgentMessages = () => sender?.wakeUrgent()
  const bind = options.host ?? '127.0.0.1'
  const lanReachable = !(isLoopbackAddress(bind) || bind.toLowerCase() === 'localhost')
  services.setupCode =
    lanReachable && (await needsSetup(services)) ? createSetupCode(services.clock) : null
  const server = await buildHttpServer({
    services,
    webRoot: options.webRoot,
    hostNames: { bindHost: bind, allowHosts: options.allowHosts },
    updatesDir: updatesDir(options.dataDir),
  })
  let scheduler: Scheduler | null = null
  let backupSchedule: { stop(): Promise<void> } | null = null
  let advertisement: Advertisement | null = null
  // No new runs (schedule, then requests), wait for the runs going, then workers and database.
  const shutDown = async () => {
    const closeListener = await stopAllButListener(false)
    await closeListener()
  }
  // A restore keeps the listener open (answering 503) while the data is swapped.
  const stopAllButListener = async (keepListening = true) => {
    await stopCheckpoints()
    await advertisement?.stop()
    await scheduler?.stop()
    await backupSchedule?.stop()
    if (keepListening) {
      services.restoring = true
      // Idle keep-alive sockets close now, long before the restart: no client reuses a dead one.
      server.server.closeIdleConnections()
    } else await server.close()
    await jobRunsSettled(db)
    // A backup started from the page finishes (or fails) before its database closes.
    await backupRunsSettled(db)
    await sender?.stop()
    await services.whatsapp?.closeAll()
    await worker?.stop()
    await routers.closeAll()
    await db.destroy()
    return async () => {
      if (!keepListening) return
      await server.close()
      // Keep-alive sockets of the page go too: the next call opens one to the new host.
      server.server.closeAllConnections()
    }
  }
  try {
    await server.listen({ port: options.port, host: bind })
    services.listener = { host: bind, port: listeningPort(server, options.port) }
    if (options.advertise ?? lanReachable) {
      advertisement = advertiseHost(
        { port: services.listener.port, version: APP_VERSION },
        options.mdns,
      )
    }
    // Only a host that serves runs the schedule: a failed start never leaves a job half done.
    if (options.scheduler !== false) {
      scheduler = await startScheduler(services)
      backupSchedule = startBackupSchedule(
        { db, clock: services.clock, secrets, dataDir: options.dataDir },
        (id) => companyTimeZone(services, id),
      )
    }
    // A linked WhatsApp Web session comes back with the host, before the first message needs it.
    const linked = await db
      .selectFrom('message_channels')
      .select('company_id')
      .where('provider', '=', 'baileys')
      .where('enabled', '=', 1)
      .execute()
    for (const c of linked) services.whatsapp?.status(c.company_id)
  } catch (error) {
    // A busy port must not leave the database open behind a failed start.
    await shutDown()
    throw error
  }
  const port = listeningPort(server, options.port)
  const shownHost = bind === '0.0.0.0' || bind === '::' ? '127.0.0.1' : bind
  return {
    url: `http://${shownHost}:${port}/`,
    services,
    setupCode: services.setupCode?.display ?? null,
    server,
    close: shutDown,
    stopAllButListener,
  }
}

function listeningPort(server: FastifyInstance, asked: number): number {
  const address = server.server.address()
  return typeof address === 'object' && address ? address.port : asked
}
