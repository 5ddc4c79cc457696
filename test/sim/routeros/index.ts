/**
 * A stateful MikroTik RouterOS API server for tests and local development (see
 * /work/shared/INTEGRATIONS.md, "MikroTik RouterOS API"). Binds 127.0.0.1 only.
 *
 *   const sim = await startRouterSim({ latencyMs: 1 })
 *   sim.state.add('/ppp/secret', { name: 'budi', password: 'x' })
 *   // ... connect to sim.host:sim.port, login admin/admin ...
 *   await sim.close()
 */
import { RouterSimServer } from './server.js'

export interface SimUser {
  name: string
  password: string
}

export interface RouterSimOptions {
  /** 0 or undefined = random free port; always binds 127.0.0.1 only. */
  port?: number
  /** Default [{ name: 'admin', password: 'admin' }]. */
  users?: SimUser[]
  /** Pre-6.43 challenge/response login instead of name+password. */
  legacyLogin?: boolean
  /** Default 'MikroTik'. */
  identity?: string
  /** Default '7.18.2 (stable)'; versions >= 7.18 send !empty before !done on an empty print. */
  version?: string
  /**
   * How long the router takes per command. Commands on one connection are worked through in
   * order, as a router does: pipelined commands are answered latencyMs apart.
   */
  latencyMs?: number
  /** Serve API-SSL using the fixture cert in test/sim/routeros/tls/. */
  tls?: boolean
}

export interface RouterSim {
  readonly host: '127.0.0.1'
  readonly port: number
  /** The router's tables, readable and writable by tests. */
  readonly state: SimState
  readonly knobs: SimKnobs
  /** Names removed from /ppp/active and /ip/hotspot/active (in order). */
  readonly kicked: string[]
  /** Every command received after login. */
  readonly commands: { command: string; attrs: Record<string, string>; queries: string[] }[]
  /** Currently open client connections. */
  connectionCount(): number
  /** Total connections accepted since start. */
  acceptedCount(): number
  /** Stops listening and destroys every client socket (router unreachable); state is kept. */
  down(): Promise<void>
  /** Listens again on the SAME port. */
  up(): Promise<void>
  close(): Promise<void>
}

export interface SimKnobs {
  /** Mutable at runtime. */
  latencyMs: number
  /** Send !empty on prints with no match (default true when version >= 7.18). */
  emptyReplies: boolean
  /** Accept connections but never answer anything (timeouts). */
  silent: boolean
  /**
   * Customers' modems dial in: a PPPoE secret added enabled gets an online session at once, and
   * a kicked session comes back after `redialMs` while its secret is enabled. Default off.
   */
  dialIn: boolean
  redialMs: number
  /**
   * One-shot !trap for the next matching command. A string matches the exact command
   * ('/ppp/secret/add') or any command of a menu ('/ppp/secret'); a RegExp is tested.
   */
  trapNext(commandPattern: string | RegExp, message: string, category?: number): void
  /** Next command gets '!fatal <message>' and the connection is closed. */
  fatalNext(message?: string): void
  /** Next command's replies are sent WITHOUT its .tag. */
  untaggedNext(): void
  /** Destroy the connection after N more commands (their replies are sent first). */
  dropAfter(commands: number): void
}

export interface SimState {
  /** Live rows (in id order); rows include '.id' like '*1A'. */
  table(path: string): SimRow[]
  /** Adds a row (menu defaults filled in, no validation); returns the new .id. */
  add(path: string, row: Record<string, string>): string
  find(path: string, where: Record<string, string>): SimRow[]
  /** Patches a row found by id (or name); '' removes a property. False when not found. */
  set(path: string, ref: string, patch: Record<string, string>): boolean
  /** Removes a row by id (or name), as a technician would in Winbox; returns it. */
  remove(path: string, ref: string): SimRow | undefined
  /**
   * Traffic through a PPPoE login's session: its dynamic interface `<pppoe-login>` counts `rx`
   * bytes received from the customer and `tx` bytes sent. False when the login is not online.
   */
  addSessionTraffic(login: string, rx: number, tx: number): boolean
  /** Traffic through a simple queue (`bytes=upload/download`). False when there is no such queue. */
  addQueueTraffic(queue: string, upload: number, download: number): boolean
  /**
   * Traffic of a hotspot user (`bytesIn` from the user, `bytesOut` to them) on its
   * /ip/hotspot/user counters; `limit-bytes-total` caps it and logs the user out when reached.
   * False when there is no such user.
   */
  addHotspotTraffic(user: string, bytesIn: number, bytesOut: number): boolean
  /** Fill /ppp/active (or /ip/hotspot/active for service 'hotspot'). */
  setOnline(
    sessions: {
      name: string
      address?: string
      callerId?: string
      uptime?: string
      service?: 'pppoe' | 'hotspot'
    }[],
  ): void
}

export type SimRow = Record<string, string>

export async function startRouterSim(options: RouterSimOptions = {}): Promise<RouterSim> {
  const sim = new RouterSimServer(options)
  await sim.up()
  return sim
}

export { RouterSimServer, legacyLoginResponse, sendsEmpty } from './server.js'
export { RouterState } from './state.js'
export {
  SentenceParser,
  decodeLength,
  encodeLength,
  encodeSentence,
  encodeSentences,
  encodeWord,
} from './words.js'
