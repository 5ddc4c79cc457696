import type { EventEmitter } from 'node:events'
import type { Socket } from 'node:net'
import { DEFAULT_CIPHERS } from 'node:tls'
import { Channel, RouterOSAPI } from 'node-routeros'
import { encodeSentence } from './codec'
import { RouterError, errorCode, toRouterError, type ErrorContext } from './errors'
import { SentenceReceiver } from './receiver'
import type { RouterRow, RouterTarget } from './types'

/**
 * One TCP/TLS connection to a router, logged in. node-routeros connects and logs in (both the
 * ≥ 6.43 login and the legacy MD5 challenge are in RouterOSAPI.login) and its Channel does the
 * tag bookkeeping; everything here exists because some part of it is unsafe as shipped:
 *
 * - its Receiver is replaced (see receiver.ts): chunk-boundary sentence splitting, `!empty`,
 *   UNREGISTEREDTAG thrown from the socket handler;
 * - Connector.write is replaced: it writes every word as its own socket.write with Nagle on, so
 *   each multi-word command waits ~40 ms for a delayed ACK. We set TCP_NODELAY and write each
 *   sentence with one socket.write;
 * - every emitter that can emit 'error' gets a listener (RouterOSAPI re-emits connector errors
 *   after login; Connector.destroy() drops all listeners, after which its socket handler's emit
 *   would throw);
 * - the library's socket idle timeout (SOCKTMOUT) is turned off after login: liveness is checked
 *   by our keepalive command instead, so an idle connection neither dies nor crashes the process;
 * - RouterOSAPI.connect() never settles when the socket ends during login (its close listener
 *   rejects with nothing), so the socket's own 'close' and our timer decide instead;
 * - a !trap becomes RouterError 'trap' (Channel rejects with a bare Error; its 'trap' event has
 *   message and category), and every command has a timeout because untagged replies are dropped.
 */

/** The parts of node-routeros we reach into; they are private in its typings. */
interface ConnectorInternals extends EventEmitter {
  socket: Socket | undefined
  receiver: unknown
  write(words: string[]): unknown
  read(tag: string, callback: (packet: string[]) => void): void
  stopRead(tag: string): void
  destroy(): void
}

interface TrapPayload {
  message?: string
  category?: string
}

type Done = (error: RouterError | null, rows: RouterRow[]) => void

interface Command {
  readonly name: string
  readonly channel: InstanceType<typeof Channel>
  readonly done: Done
  readonly counted: boolean
  timer: NodeJS.Timeout | undefined
  settled: boolean
}

export interface LinkOptions {
  timeoutMs: number
  keepaliveMs: number
}

const KEEPALIVE_COMMAND = '/system/identity/print'

/**
 * Routers use self-signed certificates (or, with api-ssl and no certificate, anonymous DH), and
 * there is no CA to check them against, so verification is off. Node's default cipher list
 * excludes aNULL; we allow it back (SECLEVEL=0) so a router without a certificate still connects.
 */
const TLS_OPTIONS = {
  rejectUnauthorized: false,
  ciphers: `${DEFAULT_CIPHERS.split(':')
    .filter((c) => c !== '!aNULL')
    .join(':')}:@SECLEVEL=0`,
}

const noop = (): void => {}

export class Link {
  /** Settles once: logged in, or why not. */
  readonly ready: Promise<void>
  /** Resolves when the socket is gone. */
  readonly closed: Promise<void>

  private phase: 'tcp' | 'login' | 'ready' | 'dead' = 'tcp'
  private readonly ctx: ErrorContext
  private readonly connector: ConnectorInternals
  private readonly socket: Socket | undefined
  private readonly receiver: SentenceReceiver
  private readonly inflight = new Set<Command>()
  private counted = 0
  private tcpConnected = false
  private secured = false
  private socketError: unknown = null
  private fatalError: RouterError | null = null
  private connectTimer: NodeJS.Timeout | undefined
  private keepaliveTimer: NodeJS.Timeout | undefined
  private lastTraffic = Date.now()
  private deathCause: RouterError | null = null
  private settleReady!: (error: RouterError | null) => void
  private onLost: (error: RouterError) => void

  constructor(
    target: RouterTarget,
    private readonly options: LinkOptions,
    onLost: (error: RouterError) => void,
  ) {
    this.onLost = onLost
    this.ctx = { host: target.host, port: target.port, tls: target.tls }
    this.ready = new Promise<void>((resolve, reject) => {
      this.settleReady = (error) => (error ? reject(error) : resolve())
    })
    this.receiver = new SentenceReceiver({
      fatal: (message) => this.onFatal(message),
      protocolError: (error) =>
        this.fail(
          new RouterError('protocol', `unreadable data from ${this.where}: ${error.message}`, {
            cause: error,
          }),
        ),
      // Our Channel listeners do not throw; if one ever does, it must not reach the socket handler.
      readerError: noop,
    })

    const api = new RouterOSAPI({
      host: target.host,
      user: target.username,
      password: target.password,
      // Always explicit: with tls and no port node-routeros still dials 8728.
      port: target.port,
      // Our own timer (same timeoutMs) fires first with a better message; theirs is a backstop.
      timeout: (options.timeoutMs + 1000) / 1000,
      tls: target.tls ? TLS_OPTIONS : undefined,
      keepalive: false,
    })
    api.on('error', (error: unknown) => this.noteSocketError(error))
    const loggingIn = api.connect()
    // connect() built the Connector and its socket synchronously: patch them before any I/O.
    this.connector = (api as unknown as { connector: ConnectorInternals }).connector
    this.socket = this.connector.socket
    this.patchConnector()
    this.closed = this.socket
      ? new Promise<void>((resolve) => this.socket!.once('close', () => resolve()))
      : Promise.resolve()
    this.watchSocket()
    this.connectTimer = setTimeout(() => this.fail(this.connectTimeoutError()), options.timeoutMs)
    loggingIn.then(
      () => this.onLoggedIn(),
      (error: unknown) => this.fail(this.connectError(error)),
    )
  }

  get alive(): boolean {
    return this.phase === 'ready'
  }

  /** Commands in flight that count against the window (keepalives do not). */
  get busy(): number {
    return this.counted
  }

  /** Tags still registered in the receiver (diagnostics: should be 0 when nothing is in flight). */
  get openTags(): number {
    return this.receiver.readerCount
  }

  private get where(): string {
    return `${this.ctx.host}:${this.ctx.port}`
  }

  send(words: string[], timeoutMs: number, done: Done, counted = true): void {
    if (this.phase !== 'ready') {
      done(this.deathCause ?? new RouterError('disconnected', `not connected to ${this.where}`), [])
      return
    }
    const name = words[0] ?? ''
    let channel = new Channel(this.connector as never)
    // Channel ids are random; never let a new command take over a tag still being read.
    while (this.receiver.isReading(channel.Id)) channel = new Channel(this.connector as never)
    // Channel throws UNKNOWNREPLY from the socket handler on any reply it does not know.
    channel.removeAllListeners('unknown')
    const command: Command = { name, channel, done, counted, timer: undefined, settled: false }
    const rows: RouterRow[] = []
    channel.on('data', (row: RouterRow) => rows.push(row))
    channel.on('done', () => this.settle(command, null, rows))
    channel.on('trap', (trap: TrapPayload) => this.settle(command, trapError(trap)))
    channel.on('unknown', (reply: string) =>
      this.settle(command, new RouterError('protocol', `unexpected reply ${reply} to ${name}`)),
    )
    command.timer = setTimeout(
      () =>
        this.settle(
          command,
          new RouterError('timeout', `${name}: no reply from ${this.where} within ${timeoutMs} ms`),
        ),
      timeoutMs,
    )
    this.inflight.add(command)
    if (counted) this.counted++
    // returnPromise=false: Channel's own promise would reject with a bare Error nobody awaits.
    channel.write([...words], false, false)
  }

  /** Rejects what is in flight and drops the socket. */
  close(): Promise<void> {
    this.onLost = noop
    this.fail(new RouterError('disconnected', `connection to ${this.where} closed`))
    return this.closed
  }

  private settle(command: Command, error: RouterError | null, rows: RouterRow[] = []): void {
    if (command.settled) return
    command.settled = true
    clearTimeout(command.timer)
    this.inflight.delete(command)
    if (command.counted) this.counted--
    // Unregisters the tag; a late reply (after a timeout or a trap) is then dropped by the receiver.
    command.channel.close(true)
    command.done(error, rows)
  }

  private patchConnector(): void {
    const connector = this.connector
    connector.receiver = this.receiver
    connector.write = (words: string[]) => {
      const socket = this.socket
      if (socket && !socket.destroyed) socket.write(encodeSentence(words))
      return connector
    }
    const guard = () => {
      connector.on('error', noop)
      connector.on('timeout', noop)
    }
    const destroy = connector.destroy.bind(connector)
    connector.destroy = () => {
      destroy()
      guard()
    }
    guard()
  }

  private watchSocket(): void {
    const socket = this.socket
    if (!socket) return
    socket.setNoDelay(true)
    // Ahead of node-routeros's own listener, which re-emits the error wrapped and without its message.
    socket.prependListener('error', (error) => this.noteSocketError(error))
    socket.once('connect', () => {
      this.tcpConnected = true
    })
    socket.once('secureConnect', () => {
      this.secured = true
    })
    this.connector.once('connected', () => {
      if (this.phase === 'tcp') this.phase = 'login'
    })
    // Only what the router sends counts: writes into a dead connection must not postpone the
    // keepalive that finds out.
    socket.on('data', () => {
      this.lastTraffic = Date.now()
    })
    socket.once('close', () => this.onSocketClose())
  }

  private noteSocketError(error: unknown): void {
    // Keep the first: the socket's own (with its code) arrives before node-routeros's wrapper.
    if (this.socketError === null && errorCode(error) !== 'SOCKTMOUT') this.socketError = error
  }

  private onLoggedIn(): void {
    if (this.phase === 'dead') return
    clearTimeout(this.connectTimer)
    this.phase = 'ready'
    // node-routeros kills an idle socket after `timeout` seconds (SOCKTMOUT); our keepalive
    // checks liveness instead.
    this.socket?.setTimeout(0)
    this.lastTraffic = Date.now()
    this.scheduleKeepalive(this.options.keepaliveMs)
    this.settleReady(null)
  }

  private scheduleKeepalive(delay: number): void {
    clearTimeout(this.keepaliveTimer)
    if (this.phase !== 'ready') return
    this.keepaliveTimer = setTimeout(() => this.keepalive(), Math.max(1, delay))
    this.keepaliveTimer.unref()
  }

  private keepalive(): void {
    if (this.phase !== 'ready') return
    const idle = Date.now() - this.lastTraffic
    if (idle < this.options.keepaliveMs) {
      this.scheduleKeepalive(this.options.keepaliveMs - idle)
      return
    }
    this.send(
      [KEEPALIVE_COMMAND],
      this.options.timeoutMs,
      (error) => {
        if (error?.kind === 'timeout') {
          this.fail(
            new RouterError(
              'disconnected',
              `${this.where} stopped answering (no keepalive reply within ${this.options.timeoutMs} ms)`,
            ),
          )
        } else {
          this.scheduleKeepalive(this.options.keepaliveMs)
        }
      },
      false,
    )
  }

  private onFatal(message: string): void {
    this.fatalError = new RouterError(
      'disconnected',
      `${this.where} closed the connection: ${message || '!fatal'}`,
      { routerMessage: message },
    )
    this.fail(this.fatalError)
  }

  private onSocketClose(): void {
    if (this.phase === 'dead') return
    if (this.phase !== 'ready') {
      this.fail(this.fatalError ?? this.connectError(this.socketError))
      return
    }
    const cause = this.socketError ? toRouterError(this.socketError, this.ctx).message : null
    this.fail(
      new RouterError(
        'disconnected',
        cause
          ? `connection to ${this.where} lost: ${cause}`
          : `${this.where} closed the connection`,
        { cause: this.socketError ?? undefined },
      ),
    )
  }

  /** Ends the link once: before login it rejects `ready`, after it rejects what is in flight. */
  private fail(error: RouterError): void {
    if (this.phase === 'dead') return
    const wasReady = this.phase === 'ready'
    this.phase = 'dead'
    this.deathCause = error
    clearTimeout(this.connectTimer)
    clearTimeout(this.keepaliveTimer)
    this.socket?.destroy()
    if (!wasReady) {
      this.settleReady(error)
      return
    }
    // The owner first learns the link is gone, so work it still queues goes to a new link.
    this.onLost(error)
    for (const command of [...this.inflight]) this.settle(command, error)
  }

  private connectTimeoutError(): RouterError {
    const ms = this.options.timeoutMs
    if (this.ctx.tls && this.tcpConnected && !this.secured) {
      return new RouterError(
        'tls',
        `no TLS handshake from ${this.where} within ${ms} ms (is this the api-ssl port?)`,
      )
    }
    if (!this.tcpConnected) {
      return new RouterError('timeout', `no connection to ${this.where} within ${ms} ms`)
    }
    return new RouterError('timeout', `${this.where} did not answer the login within ${ms} ms`)
  }

  /** Why connect + login failed, from node-routeros's rejection and/or the socket's error. */
  private connectError(error: unknown): RouterError {
    if (error instanceof RouterError) return error
    const reported = error === null ? null : toRouterError(error, this.ctx)
    if (reported?.kind === 'auth') return reported
    // A !trap to /login reaches us as a bare Error (no errno); node-routeros only recognises two
    // of the messages a router may send.
    if (
      this.phase === 'login' &&
      error instanceof Error &&
      error.constructor === Error &&
      errorCode(error) === undefined
    ) {
      return new RouterError('auth', `login to ${this.where} rejected: ${error.message}`, {
        routerMessage: error.message,
        cause: error,
      })
    }
    const raw = this.socketError ?? error
    const mapped = raw === null ? null : toRouterError(raw, this.ctx)
    if (mapped && (mapped.kind === 'refused' || mapped.kind === 'unreachable')) return mapped
    if (this.ctx.tls && this.tcpConnected && !this.secured) {
      return new RouterError(
        'tls',
        `TLS handshake with ${this.where} failed${sslReason(raw)} (is this the api-ssl port?)`,
        { cause: raw ?? undefined },
      )
    }
    if (!this.ctx.tls && this.phase === 'login' && (!mapped || mapped.kind === 'disconnected')) {
      // A TLS (api-ssl) port reads our plain /login as a broken handshake and hangs up.
      return new RouterError(
        'tls',
        `${this.where} closed the connection right after the login was sent — is it the api-ssl (TLS) port?`,
        { cause: raw ?? undefined },
      )
    }
    return (
      mapped ??
      new RouterError('disconnected', `${this.where} closed the connection before the login`)
    )
  }
}

function trapError(trap: TrapPayload): RouterError {
  const message = trap.message ?? 'failure (no message)'
  const category =
    trap.category !== undefined && /^\d+$/.test(trap.category) ? Number(trap.category) : undefined
  return new RouterError('trap', message, { routerMessage: message, category })
}

/** OpenSSL's short reason ('wrong version number') rather than its full error line. */
function sslReason(error: unknown): string {
  if (!(error instanceof Error)) return ''
  const { reason } = error as { reason?: unknown }
  const text = typeof reason === 'string' && reason ? reason : error.message
  return text ? `: ${text}` : ''
}
