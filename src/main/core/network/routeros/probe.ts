import { RouterConnection } from './connection'
import type { ConnectionOptions, RouterTarget } from './types'
import { parseUptime } from './values'

export interface RouterProbe {
  identity: string
  version: string
  board: string
  uptimeSeconds: number
  cpuLoad: number
  freeMemory: number
  totalMemory: number
}

function toNumber(value: string | undefined): number {
  const n = Number(value)
  return value !== undefined && value !== '' && Number.isFinite(n) ? n : 0
}

/**
 * "Test connection": its own fresh connection (a pooled one could hide a changed password or a
 * dead router behind an old session), identity + resource, closed afterwards.
 */
export async function probeRouter(
  target: RouterTarget,
  options: ConnectionOptions = {},
): Promise<RouterProbe> {
  const connection = new RouterConnection(target, options)
  try {
    await connection.connect()
    const [identity, resource] = await Promise.all([
      connection.run('/system/identity/print'),
      connection.run('/system/resource/print'),
    ])
    const r = resource[0] ?? {}
    const uptime = parseUptime(r.uptime ?? '')
    return {
      identity: identity[0]?.name ?? '',
      version: r.version ?? '',
      board: r['board-name'] ?? '',
      uptimeSeconds: Number.isNaN(uptime) ? 0 : uptime,
      cpuLoad: toNumber(r['cpu-load']),
      freeMemory: toNumber(r['free-memory']),
      totalMemory: toNumber(r['total-memory']),
    }
  } finally {
    await connection.close()
  }
}
