import { AppError } from '@shared/errors'
import { isLoopbackAddress } from '@shared/host-names'
import type { DesktopUpdates } from '@shared/updates'
import type { Actor } from '@core/audit'
import type { LiveRestoreRunner } from '@core/backup'
import { resolveSession, type SessionUser } from '@core/auth'
import type { SetupCode } from '@core/companies'
import type { CoreDeps } from '@core/deps'
import type { FileStore } from '@core/files'
import type { MessagingDeps } from '@core/messaging'
import type { Listener, MdnsOptions } from '@core/mode'
import type { NetworkDeps } from '@core/network'
import { resolvePortalSession, type PortalCustomer } from '@core/portal'
import type { InFlight } from './in-flight'

/** What the API needs from the host: core dependencies and the app version. */
export interface ApiServices extends CoreDeps, NetworkDeps, MessagingDeps {
  version: string
  /** Uploaded documents (KTP scans…), kept in the data directory. */
  files: FileStore
  /** The first-run code of a fresh host the LAN can reach; null when none is needed. */
  setupCode?: SetupCode | null
  /** Where the HTTP server listens, once it does (Pengaturan → Mode shows the LAN addresses). */
  listener?: Listener
  /** mDNS socket options for "Cari host di jaringan" (tests keep it on loopback). */
  mdns?: MdnsOptions
  /** The mutations running now; the desktop installs an update only when none is. */
  mutationsInFlight?: InFlight
  /** The desktop's own updater (set by the Electron entry only). */
  desktopUpdates?: DesktopUpdates
  /** CHANGELOG.md of this build, shown in "Tentang Loket". */
  changelogFile?: string
  /** Restore over the live data: the host runner restarts with it (absent outside startHost). */
  liveRestore?: LiveRestoreRunner
  /** Set while a restore over the live data runs: every request but its status gets a 503. */
  restoring?: boolean
}

/** Where a call came from; the transport (HTTP or IPC) fills it in. */
export interface CallerInfo {
  token: string | null
  /** The remote address over HTTP (never a forwarded header); DESKTOP_IP over IPC. */
  ip: string
  userAgent: string
}

/** The `ip` of calls from the desktop window (IPC): the owner at the host PC itself. */
export const DESKTOP_IP = 'desktop'

/** A call from the host PC itself: its desktop window, or a browser on a loopback address. */
export function isLocalCaller(caller: CallerInfo): boolean {
  return caller.ip === DESKTOP_IP || isLoopbackAddress(caller.ip)
}

export interface ApiContext {
  services: ApiServices
  caller: CallerInfo
  /** Resolved once per call, on first use (public procedures never touch the database for it). */
  session: () => Promise<SessionUser>
  /**
   * The customer of a portal token (a separate kind of session, in its own table): a staff
   * token never resolves here, nor a portal token in `session`.
   */
  portal: () => Promise<PortalCustomer>
}

export function createApiContext(services: ApiServices, caller: CallerInfo): ApiContext {
  let cached: Promise<SessionUser> | null = null
  let customer: Promise<PortalCustomer> | null = null
  return {
    services,
    caller,
    session: () => {
      if (!caller.token) return Promise.reject(new AppError('UNAUTHENTICATED'))
      cached ??= resolveSession(services, caller.token)
      return cached
    },
    portal: () => {
      if (!caller.token) return Promise.reject(new AppError('UNAUTHENTICATED'))
      customer ??= resolvePortalSession(services, caller.token)
      return customer
    },
  }
}

export function actorOf(session: SessionUser, caller: CallerInfo): Actor & { companyId: number } {
  return {
    companyId: session.companyId,
    userId: session.userId,
    username: session.username,
    ip: caller.ip,
    userAgent: caller.userAgent.slice(0, 300),
  }
}

export function anonymousActor(caller: CallerInfo): Actor {
  return {
    companyId: null,
    userId: null,
    username: null,
    ip: caller.ip,
    userAgent: caller.userAgent.slice(0, 300),
  }
}

/** Reads `Authorization: Bearer <token>`. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer\s+([A-Za-z0-9_-]{10,200})$/.exec(header?.trim() ?? '')
  return m?.[1] ?? null
}
