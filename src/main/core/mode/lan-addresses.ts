import type { NetworkInterfaceInfo } from 'node:os'

export interface Listener {
  /** What the HTTP server is bound to (`0.0.0.0` serves the LAN, `127.0.0.1` this PC only). */
  host: string
  port: number
}

/**
 * The addresses clients, phones and the portal may open: every non-internal IPv4 address of this
 * PC when the listener serves all interfaces, else just the bound address. A loopback listener
 * has none (only this PC can reach it), and the page says so.
 */
export function lanUrls(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
  listener: Listener,
): string[] {
  const { host, port } = listener
  if (host === '0.0.0.0' || host === '::') {
    const addresses = Object.values(interfaces)
      .flatMap((list) => list ?? [])
      .filter((i) => i.family === 'IPv4' && !i.internal)
      .map((i) => i.address)
    return [...new Set(addresses)].map((a) => `http://${a}:${port}`)
  }
  if (host === 'localhost' || host.startsWith('127.') || host === '::1') return []
  return [`http://${host.includes(':') ? `[${host}]` : host}:${port}`]
}
