import { readModeFile } from '@core/mode'
import { clientArgument } from '@shared/client-mode'
import type { OpenDatabaseOptions } from './core/db'
import { startHost, type HostOptions, type RunningHost } from './host'

/**
 * What the desktop does at start, decided from `<dataDir>/mode.json` alone. No 'electron' here, so
 * it is tested under Node; src/main/index.ts only wires it to the window. A host opens its database and runs everything; a client opens nothing
 * and shows the host's UI, which signs in and calls the host over HTTP.
 */
export type StartupPlan =
  { mode: 'host'; warning: string | null } | { mode: 'client'; hostUrl: string; warning: null }

export function planStartup(dataDir: string): StartupPlan {
  const read = readModeFile(dataDir)
  if (read.settings.mode === 'client') {
    return { mode: 'client', hostUrl: read.settings.hostUrl, warning: null }
  }
  return { mode: 'host', warning: read.problem }
}

export interface DesktopStartOptions {
  dataDir: string
  /** Where a host serves the LAN (desktop/startup.ts lanBinding). */
  lan: { port: number; host: string; allowHosts: string[] }
  webRoot: string
  database?: OpenDatabaseOptions
  /** The window's page on a host: the dev server or the built index.html. */
  localPage: { url: string } | { file: string }
}

export interface StartedDesktop {
  plan: StartupPlan
  /** The running host (database, HTTP, scheduler, workers, sender); null on a client. */
  host: RunningHost | null
  /** What the window loads. */
  page: { url: string } | { file: string }
  /** Whether the window gets the IPC bridge to this process's API (a host only). */
  ipcBridge: boolean
  /** Extra arguments for the window's preload (the client's host). */
  windowArguments: string[]
}

export async function startDesktop(
  plan: StartupPlan,
  options: DesktopStartOptions,
  start: (options: HostOptions) => Promise<RunningHost> = startHost,
): Promise<StartedDesktop> {
  if (plan.mode === 'client') {
    return {
      plan,
      host: null,
      page: { url: `${plan.hostUrl}/` },
      ipcBridge: false,
      windowArguments: [clientArgument(plan.hostUrl)],
    }
  }
  const host = await start({
    dataDir: options.dataDir,
    ...options.lan,
    webRoot: options.webRoot,
    database: options.database,
  })
  return { plan, host, page: options.localPage, ipcBridge: true, windowArguments: [] }
}

/** In client mode the window may navigate within the host's origin, and nowhere else. */
export function isOnHost(url: string, plan: StartupPlan): boolean {
  if (plan.mode !== 'client') return false
  try {
    return new URL(url).origin === plan.hostUrl
  } catch {
    return false
  }
}

/**
 * What a client says when its window cannot load the host's page at start (there is no page to
 * show the banner in yet): which host, why, and what to check. Indonesian first, then English.
 */
export function hostUnreachableMessage(hostUrl: string, reason: string): string {
  return (
    `Host Loket ${hostUrl} tidak terjangkau (${reason}). Periksa bahwa Loket di PC host menyala ` +
    'dan PC ini terhubung ke jaringan kantor.\n\n' +
    `The Loket host ${hostUrl} cannot be reached (${reason}). Check that Loket runs on the host PC ` +
    'and that this PC is on the office network.'
  )
}
