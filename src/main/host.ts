import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ApiServices } from '@api/index'
import { buildHttpServer } from '@server/http-server'
import { systemClock, type Clock } from './core/clock'
import {
  migrateToLatest,
  openDatabase,
  startCheckpoints,
  type OpenDatabaseOptions,
} from './core/db'
import { directoryFileStore } from './core/files'
import { RouterPool, startDeviceWorker } from './core/network'
import { dataDirSecretBox, sealStoredLogins } from './core/secrets'
import { APP_VERSION } from './version'

export interface HostOptions {
  dataDir: string
  port: number
  host?: string
  webRoot?: string
  clock?: Clock
  database?: OpenDatabaseOptions
  /** Apply router jobs in the background (default on; tests of the queue itself turn it off). */
  deviceWorker?: boolean
}

export interface RunningHost {
  url: string
  services: ApiServices
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
    files: directoryFileStore(path.join(path.resolve(options.dataDir), 'files')),
    secrets,
    routers,
  }
  const worker = options.deviceWorker === false ? null : startDeviceWorker(services)
  services.onDeviceJobs = () => worker?.wake()
  const server = await buildHttpServer({ services, webRoot: options.webRoot })
  const bind = options.host ?? '127.0.0.1'
  try {
    await server.listen({ port: options.port, host: bind })
  } catch (error) {
    // A busy port must not leave the database open behind a failed start.
    stopCheckpoints()
    await worker?.stop()
    await routers.closeAll()
    await server.close()
    await db.destroy()
    throw error
  }
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const shownHost = bind === '0.0.0.0' || bind === '::' ? '127.0.0.1' : bind
  return {
    url: `http://${shownHost}:${port}/`,
    services,
    async close() {
      stopCheckpoints()
      await worker?.stop()
      await routers.closeAll()
      await server.close()
      await db.destroy()
    },
  }
}
