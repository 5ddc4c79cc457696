/** The TCP (or TLS) server: connections, login, knobs, latency and reply scheduling. */
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import net from 'node:net'
import { performance } from 'node:perf_hooks'
import tls from 'node:tls'
import { fileURLToPath } from 'node:url'
import type { RouterSim, RouterSimOptions, SimKnobs, SimUser } from './index.js'
import { type Reply, execute, trapReply } from './menus.js'
import { RouterState } from './state.js'
import { SentenceParser, encodeSentences } from './words.js'

export const DEFAULT_VERSION = '7.18.2 (stable)'

/** Pre-6.43 login: '00' + md5hex(0x00 ‖ password ‖ challenge bytes). */
export function legacyLoginResponse(password: string, challengeHex: string): string {
  const md5 = createHash('md5')
  md5.update(Buffer.from([0]))
  md5.update(Buffer.from(password, 'latin1'))
  md5.update(Buffer.from(challengeHex, 'hex'))
  return `00${md5.digest('hex')}`
}

/** True for versions that answer an empty print with `!empty` (7.18 and later). */
export function sendsEmpty(version: string): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version)
  if (!m) return false
  const major = Number(m[1])
  const minor = Number(m[2])
  return major > 7 || (major === 7 && minor >= 18)
}

export function tlsFixture(): { key: Buffer; cert: Buffer } {
  const dir = fileURLToPath(new URL('./tls/', import.meta.url))
  return { key: readFileSync(`${dir}key.pem`), cert: readFileSync(`${dir}cert.pem`) }
}

interface TrapRule {
  pattern: string | RegExp
  message: string
  category: number | undefined
}

class Knobs implements SimKnobs {
  latencyMs: number
  emptyReplies: boolean
  silent = false
  dialIn = false
  redialMs = 50
  /** @internal */ traps: TrapRule[] = []
  /** @internal */ fatal: string[] = []
  /** @internal */ untagged = 0
  /** @internal */ dropIn: number | null = null

  constructor(latencyMs: number, emptyReplies: boolean) {
    this.latencyMs = latencyMs
    this.emptyReplies = emptyReplies
  }

  trapNext(commandPattern: string | RegExp, message: string, category?: number): void {
    this.traps.push({ pattern: commandPattern, message, category })
  }

  fatalNext(message = 'session terminated'): void {
    this.fatal.push(message)
  }

  untaggedNext(): void {
    this.untagged++
  }

  dropAfter(commands: number): void {
    this.dropIn = Math.max(0, Math.floor(commands))
  }

  /** @internal */ takeTrap(command: string): TrapRule | undefined {
    const i = this.traps.findIndex(({ pattern }) =>
      typeof pattern === 'string'
        ? command === pattern || command.startsWith(pattern.endsWith('/') ? pattern : `${pattern}/`)
        : pattern.test(command),
    )
    if (i < 0) return undefined
    return this.traps.splice(i, 1)[0]
  }
}

type After = 'end' | 'destroy'

interface Pending {
  due: number
  data: Buffer
  after: After | undefined
}

interface Conn {
  socket: net.Socket
  parser: SentenceParser
  loggedIn: boolean
  challenge: string | undefined
  /** Replies due now, written once the current chunk is parsed. */
  batch: Buffer[]
  batchAfter: After | undefined
  /** Delayed replies, in order (due times never decrease). */
  queue: Pending[]
  head: number
  timer: NodeJS.Timeout | null
  lastDue: number
  closing: boolean
  inChunk: boolean
}

const tagged = (reply: Reply, tag: string | undefined): Reply =>
  tag === undefined ? reply : reply.map((s) => [s[0]!, `.tag=${tag}`, ...s.slice(1)])

export class RouterSimServer implements RouterSim {
  readonly host = '127.0.0.1' as const
  readonly state: RouterState
  readonly knobs: Knobs
  readonly kicked: string[] = []
  readonly commands: { command: string; attrs: Record<string, string>; queries: string[] }[] = []
  private readonly users: SimUser[]
  private readonly legacy: boolean
  private readonly useTls: boolean
  private server: net.Server | null = null
  private readonly conns = new Set<Conn>()
  private accepted = 0
  private boundPort: number
  private closed = false

  constructor(options: RouterSimOptions = {}) {
    const version = options.version ?? DEFAULT_VERSION
    this.state = new RouterState({ identity: options.identity ?? 'MikroTik', version })
    this.knobs = new Knobs(options.latencyMs ?? 0, sendsEmpty(version))
    this.users = options.users ?? [{ name: 'admin', password: 'admin' }]
    this.legacy = options.legacyLogin ?? false
    this.useTls = options.tls ?? false
    this.boundPort = options.port ?? 0
  }

  get port(): number {
    return this.boundPort
  }

  connectionCount(): number {
    return this.conns.size
  }

  acceptedCount(): number {
    return this.accepted
  }

  async up(): Promise<void> {
    if (this.closed) throw new Error('RouterOS simulator is closed')
    if (this.server) return
    const server = this.useTls
      ? tls.createServer({ ...tlsFixture() }, (s) => this.accept(s))
      : net.createServer((s) => this.accept(s))
    server.on('error', () => {})
    if (this.useTls) {
      // A client that fails the handshake never becomes a connection; just drop it.
      server.on('tlsClientError', (_err, s) => s.destroy())
    }
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error): void => reject(err)
      server.once('error', onError)
      server.listen({ port: this.boundPort, host: this.host, exclusive: true }, () => {
        server.off('error', onError)
        resolve()
      })
    })
    this.boundPort = (server.address() as net.AddressInfo).port
    this.server = server
  }

  async down(): Promise<void> {
    const server = this.server
    this.server = null
    for (const conn of this.conns) this.drop(conn)
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  async close(): Promise<void> {
    await this.down()
    this.closed = true
  }

  private accept(socket: net.Socket): void {
    this.accepted++
    socket.setNoDelay(true)
    const conn: Conn = {
      socket,
      parser: new SentenceParser((words) => this.onSentence(conn, words)),
      loggedIn: false,
      challenge: undefined,
      batch: [],
      batchAfter: undefined,
      queue: [],
      head: 0,
      timer: null,
      lastDue: 0,
      closing: false,
      inChunk: false,
    }
    this.conns.add(conn)
    socket.on('data', (chunk: Buffer) => this.onData(conn, chunk))
    socket.on('error', () => {})
    socket.on('close', () => {
      conn.closing = true
      if (conn.timer) clearTimeout(conn.timer)
      conn.timer = null
      this.conns.delete(conn)
    })
  }

  private drop(conn: Conn): void {
    conn.closing = true
    if (conn.timer) clearTimeout(conn.timer)
    conn.timer = null
    conn.socket.destroy()
    this.conns.delete(conn)
  }

  private onData(conn: Conn, chunk: Buffer): void {
    if (conn.closing || this.knobs.silent) return
    conn.inChunk = true
    try {
      conn.parser.feed(chunk)
    } catch {
      // Protocol error (reserved control byte, absurd length): a router drops the connection.
      conn.inChunk = false
      this.drop(conn)
      return
    }
    conn.inChunk = false
    this.flushBatch(conn)
  }

  private onSentence(conn: Conn, words: string[]): void {
    if (conn.closing || words.length === 0) return
    const command = words[0]!
    const attrs: Record<string, string> = {}
    const queries: string[] = []
    let tag: string | undefined
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!
      const c = w.charCodeAt(0)
      if (c === 61 /* = */) {
        const eq = w.indexOf('=', 1)
        if (eq < 0) attrs[w.slice(1)] = ''
        else attrs[w.slice(1, eq)] = w.slice(eq + 1)
      } else if (c === 63 /* ? */) {
        queries.push(w)
      } else if (w.startsWith('.tag=')) {
        tag = w.slice(5)
      }
    }

    if (command === '/quit') {
      this.emit(conn, [['!fatal', 'session terminated on request']], undefined, 'end')
      return
    }
    if (command === '/login') {
      this.emit(conn, this.login(conn, attrs), tag)
      return
    }
    if (!conn.loggedIn) {
      this.emit(conn, trapReply('not logged in'), tag)
      return
    }

    this.commands.push({ command, attrs, queries })
    const knobs = this.knobs
    let after: After | undefined
    if (knobs.dropIn !== null) {
      if (knobs.dropIn === 0) {
        knobs.dropIn = null
        // Replies already queued go out first, then the line goes dead.
        this.emit(conn, [], undefined, 'destroy')
        return
      }
      if (--knobs.dropIn === 0) {
        knobs.dropIn = null
        after = 'destroy'
      }
    }
    if (knobs.fatal.length > 0) {
      this.emit(conn, [['!fatal', knobs.fatal.shift()!]], undefined, 'end')
      return
    }
    let untagged = false
    if (knobs.untagged > 0) {
      knobs.untagged--
      untagged = true
    }
    const replyTag = untagged ? undefined : tag
    const rule = knobs.takeTrap(command)
    if (rule) {
      this.emit(conn, trapReply(rule.message, rule.category), replyTag, after)
      return
    }
    if (command === '/cancel') {
      this.emit(conn, [['!done']], replyTag, after)
      return
    }
    const kickedBefore = this.kicked.length
    const reply = execute(
      { state: this.state, emptyReplies: knobs.emptyReplies, kicked: this.kicked },
      command,
      attrs,
      queries,
    )
    if (knobs.dialIn && reply.at(-1)?.[0] === '!done' && reply[0]?.[0] !== '!trap') {
      this.dialIn(command, attrs, this.kicked.slice(kickedBefore))
    }
    this.emit(conn, reply, replyTag, after)
  }

  /**
   * Customers' modems: a PPPoE secret added enabled comes online at once, and a kicked session
   * dials in again shortly after (with whatever profile its secret has by then).
   */
  private dialIn(command: string, attrs: Record<string, string>, kicked: string[]): void {
    // The tables' own name index: `state.find` is for tests and would rebuild it every time.
    const online = (name: string) => this.state.getTable('/ppp/active').byKey(name).length > 0
    const dial = (name: string) => {
      const [secret] = this.state.getTable('/ppp/secret').byKey(name)
      if (!secret || secret.disabled === 'true' || online(name)) return
      this.state.addActive('/ppp/active', { name })
    }
    if (command === '/ppp/secret/add' && attrs.name) dial(attrs.name)
    if (command === '/ppp/active/remove') {
      for (const name of kicked) setTimeout(() => dial(name), this.knobs.redialMs).unref()
    }
  }

  private login(conn: Conn, attrs: Record<string, string>): Reply {
    const user = this.users.find((u) => u.name === attrs.name)
    if (this.legacy) {
      if (attrs.response !== undefined && conn.challenge !== undefined) {
        const challenge = conn.challenge
        conn.challenge = undefined
        if (user && attrs.response === legacyLoginResponse(user.password, challenge)) {
          conn.loggedIn = true
          return [['!done']]
        }
        return trapReply('invalid user name or password (6)')
      }
      // Pre-6.43 routers answer any other /login (even one with name+password) with a challenge.
      conn.challenge = randomBytes(16).toString('hex')
      return [['!done', `=ret=${conn.challenge}`]]
    }
    if (user && attrs.password !== undefined && attrs.password === user.password) {
      conn.loggedIn = true
      return [['!done']]
    }
    return trapReply('invalid user name or password (6)')
  }

  /** Queues a command's whole reply (one buffer), then optionally closes the connection. */
  private emit(conn: Conn, reply: Reply, tag: string | undefined, after?: After): void {
    const data = encodeSentences(tagged(reply, tag))
    if (after) conn.closing = true
    const latency = this.knobs.latencyMs
    if (latency <= 0 && conn.head >= conn.queue.length) {
      conn.batch.push(data)
      if (after) conn.batchAfter = after
      if (!conn.inChunk) this.flushBatch(conn)
      return
    }
    // A router works through a connection's commands in order: each takes `latency` after the
    // one before it has been answered (or after it arrived, when the router was idle).
    const due = Math.max(performance.now(), conn.lastDue) + Math.max(0, latency)
    conn.lastDue = due
    conn.queue.push({ due, data, after })
    if (!conn.timer) this.schedule(conn)
  }

  private flushBatch(conn: Conn): void {
    if (conn.batch.length === 0) return
    const data = conn.batch.length === 1 ? conn.batch[0]! : Buffer.concat(conn.batch)
    const after = conn.batchAfter
    conn.batch = []
    conn.batchAfter = undefined
    this.write(conn, data, after)
  }

  private write(conn: Conn, data: Buffer, after: After | undefined): void {
    const socket = conn.socket
    if (socket.destroyed) return
    if (this.knobs.silent) {
      if (after) this.drop(conn)
      return
    }
    if (after === 'end') {
      socket.end(data)
    } else if (after === 'destroy') {
      if (data.length === 0) this.drop(conn)
      else socket.write(data, () => this.drop(conn))
    } else if (data.length > 0) {
      socket.write(data)
    }
  }

  private schedule(conn: Conn): void {
    const next = conn.queue[conn.head]
    if (!next || conn.socket.destroyed) return
    const wait = Math.max(0, Math.ceil(next.due - performance.now()))
    conn.timer = setTimeout(() => this.flushQueue(conn), wait)
  }

  private flushQueue(conn: Conn): void {
    conn.timer = null
    const now = performance.now()
    const parts: Buffer[] = []
    let after: After | undefined
    while (conn.head < conn.queue.length) {
      const p = conn.queue[conn.head]!
      if (p.due > now) break
      conn.head++
      parts.push(p.data)
      if (p.after) {
        after = p.after
        break
      }
    }
    if (conn.head >= conn.queue.length) {
      conn.queue = []
      conn.head = 0
    } else if (conn.head > 1024) {
      conn.queue = conn.queue.slice(conn.head)
      conn.head = 0
    }
    if (parts.length > 0 || after) {
      this.write(conn, parts.length === 1 ? parts[0]! : Buffer.concat(parts), after)
    }
    if (after) {
      conn.queue = []
      conn.head = 0
      return
    }
    this.schedule(conn)
  }
}
