import { hostname } from 'node:os'
import { Bonjour, type Service } from 'bonjour-service'

/** `_loket._tcp`: how a desktop finds the office's host without typing its address. */
export const LOKET_SERVICE_TYPE = 'loket'

/**
 * The multicast-dns socket options. Left empty on a real LAN (224.0.0.251:5353 on every
 * interface); tests point both ends at one loopback port, since a sandbox's loopback interface
 * may not carry multicast at all.
 */
export interface MdnsOptions {
  interface?: string
  port?: number
  ip?: string
  multicast?: boolean
  reuseAddr?: boolean
}

export interface FoundHost {
  name: string
  url: string
  version: string | null
}

export interface Advertisement {
  stop(): Promise<void>
}

/** Announces this host on the LAN: its name, its port and its version (to match clients). */
export function advertiseHost(
  host: { port: number; version: string; name?: string },
  mdns: MdnsOptions = {},
): Advertisement {
  const bonjour = new Bonjour(mdns, (error: unknown) => console.error('[mdns]', error))
  bonjour.publish({
    name: host.name ?? `Loket ${hostname()}`,
    type: LOKET_SERVICE_TYPE,
    port: host.port,
    txt: { version: host.version },
  })
  return {
    stop: () =>
      new Promise<void>((resolve) => bonjour.unpublishAll(() => bonjour.destroy(() => resolve()))),
  }
}

/**
 * The address a client should use for a found host: where its answer came from (the address the
 * LAN really routes), else its first advertised IPv4 address.
 */
export function foundHost(
  service: Pick<Service, 'name' | 'port' | 'addresses' | 'referer' | 'txt'>,
): FoundHost | null {
  const from = service.referer?.family === 'IPv4' ? service.referer.address : undefined
  const address = from ?? service.addresses?.find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a))
  if (!address || !Number.isInteger(service.port) || service.port <= 0) return null
  const version = (service.txt as Record<string, unknown> | undefined)?.version
  return {
    name: service.name,
    url: `http://${address}:${service.port}`,
    version: typeof version === 'string' ? version : null,
  }
}

/**
 * Listens for Loket hosts for up to `ms` milliseconds (each host once, by address); `enough` ends
 * the wait early once the hosts found are all that is wanted.
 */
export async function browseHosts(
  ms: number,
  mdns: MdnsOptions = {},
  enough: (found: FoundHost[]) => boolean = () => false,
): Promise<FoundHost[]> {
  const bonjour = new Bonjour(mdns, (error: unknown) => console.error('[mdns]', error))
  const found = new Map<string, FoundHost>()
  const list = () => [...found.values()].sort((a, b) => a.url.localeCompare(b.url))
  let done: () => void = () => {}
  const finished = new Promise<void>((resolve) => (done = resolve))
  const timer = setTimeout(done, ms)
  const browser = bonjour.find({ type: LOKET_SERVICE_TYPE }, (service) => {
    const host = foundHost(service)
    if (host) found.set(host.url, host)
    if (enough(list())) done()
  })
  await finished
  clearTimeout(timer)
  browser.stop()
  await new Promise<void>((resolve) => bonjour.destroy(() => resolve()))
  return list()
}
