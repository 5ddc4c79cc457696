import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import type { ApiServices } from '@api/index'
import { createInFlight } from '@api/in-flight'
import { buildHttpServer } from '@server/http-server'
import { isLoopbackAddress } from '@shared/host-names'
import { systemClock, type Clock } from './core/clock'
import { companyTimeZone, createSetupCode, needsSetup } from './core/companies'
import {
  migrateToLatest,
  openDatabase,
  startCheckpoints,
  type OpenDatabaseOptions,
} from './core/db'
import { directoryFileStore } from './core/files'
import { RouterPool, startDeviceWorker } from './core/network'
import { createWhatsappSessions, startMessageSender } from './core/messaging'
import { jobRunsSettled, pausedJobs, startScheduler, type Scheduler } from './core/scheduler'
import { backupRunsSettled, startBackupSchedule } from './core/backup'
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
}

export interface RunningHost {
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
}

/** The built renderer beside the sources (out/renderer), for `npm run serve`. */
export function defaultWebRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/renderer')
}

/** Opens the data directory's database, migrates it, and serves the API and the UI on the LAN. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
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
    mutationsInFlight: createInFlight(),
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
    await stopCheckpoints()
    await advertisement?.stop()
    await scheduler?.stop()
    await backupSchedule?.stop()
    await server.close()
    await jobRunsSettled(db)
    // A backup started from the page finishes (or fails) before its database closes.
    await backupRunsSettled(db)
    await sender?.stop()
    await services.whatsapp?.closeAll()
    await worker?.stop()
    await routers.closeAll()
    await db.destroy()
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
  }
}

function listeningPort(server: FastifyInstance, asked: number): number {
  const address = server.server.address()
  return typeof address === 'object' && address ? address.port : asked
}
