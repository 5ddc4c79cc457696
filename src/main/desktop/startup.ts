import { isAppError } from '@shared/errors'
import { splitHostList } from '@shared/host-names'

export interface LanBinding {
  port: number
  host: string
  /** Extra names the LAN may use for changes (`LOKET_ALLOW_HOSTS`, comma-separated). */
  allowHosts: string[]
}

/**
 * The port the desktop host serves the office LAN on. The Windows installer opens exactly this port
 * in the firewall (build/installer.nsh, checked against this constant by its test).
 */
export const DEFAULT_LAN_PORT = 8080

/** Where the desktop serves the LAN: `LOKET_LAN_PORT` (8080) on `LOKET_LAN_HOST` (all interfaces). */
export function lanBinding(env: Record<string, string | undefined>): LanBinding {
  const port = Number(env.LOKET_LAN_PORT ?? DEFAULT_LAN_PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`LOKET_LAN_PORT must be a port number (0-65535), got "${env.LOKET_LAN_PORT}".`)
  }
  return {
    port,
    host: env.LOKET_LAN_HOST ?? '0.0.0.0',
    allowHosts: splitHostList(env.LOKET_ALLOW_HOSTS),
  }
}

/** The text of the dialog shown when the app cannot start (there is no window to translate it yet). */
export function startErrorMessage(error: unknown, lan?: LanBinding): string {
  if (isAppError(error)) return `${error.message}\n\n(${error.code})`
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    const where = lan ? `port ${lan.port} on ${lan.host}` : 'the LAN port'
    return (
      `Loket could not serve the office network on ${where}: another program is using it or it ` +
      'is not allowed. Close that program, or set LOKET_LAN_PORT to a free port and start again.'
    )
  }
  return error instanceof Error ? error.message : String(error)
}
