import { RouterError } from './errors'
import { Link } from './link'
import type {
  ConnectionOptions,
  ConnectionStatus,
  RouterApi,
  RouterAttrs,
  RouterRow,
  RouterTarget,
  RunOptions,
} from './types'

interface Settings {
  timeoutMs: number
  window: number
  keepaliveMs: number
  backoff: { minMs: number; maxMs: number }
}

interface Job {
  words: string[]
  timeoutMs: number
  resolve(rows: RouterRow[]): void
  reject(error: RouterError): void
}

export function resolveSettings(options: ConnectionOptions = {}): Settings {
  const positive = (value: number | undefined, fallback: number) =>
    value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback
  const minMs = positive(options.backoff?.minMs, 500)
  return {
    timeoutMs: positive(options.timeoutMs, 10_000),
    window: Math.floor(positive(options.window, 64)) || 1,
    keepaliveMs: positive(options.keepaliveMs, 20_000),
    backoff: { minMs, maxMs: Math.max(minMs, positive(options.backoff?.maxMs, 30_000)) },
  }
}

/**
 * The words of one command: the command, `=key=value` attributes, `=.proplist=`, `?key=value`
 * queries. Throws TypeError on what would corrupt the sentence or its tag.
 */
export function commandWords(
  command: string,
  attrs: RouterAttrs = {},
  options: RunOptions = {},
): string[] {
  if (typeof command !== 'string' || !/^\/\S+$/.test(command)) {
    throw new TypeError(`not a RouterOS command: ${JSON.stringify(command)}`)
  }
  const checkKey = (key: string) => {
    if (!key || key.includes('=') || key === '.tag') {
      throw new TypeError(`invalid attribute name ${JSON.stringify(key)} for ${command}`)
    }
  }
  const words = [command]
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue
    checkKey(key)
    let text: string
    if (typeof value === 'boolean') text = value ? 'yes' : 'no'
    else if (typeof value === 'number') {
      if (!Number.isFinite(value))
        throw new TypeError(`${key}=${value} is not a number RouterOS takes`)
      text = String(value)
    } else text = value
    words.push(`=${key}=${text}`)
  }
  if (options.proplist?.length) words.push(`=.proplist=${options.proplist.join(',')}`)
  for (const [key, value] of Object.entries(options.where ?? {})) {
    checkKey(key)
    words.push(`?${key}=${value}`)
  }
  return words
}

const closedError = () => new RouterError('disconnected', 'router connection closed')

/**
 * One persistent, logged-in connection to one router, shared by every run(): at most `window`
 * commands in flight, the rest wait FIFO. When it drops, what was in flight rejects
 * ('disconnected') and the next run() reconnects. A failed connect starts exponential backoff:
 * until it expires run() rejects at once with that failure (kind kept), so a job queue retries
 * later instead of hammering a dead router. A successful connect resets the backoff.
 */
export class RouterConnection implements RouterApi {
  private readonly settings: Settings
  private state: ConnectionStatus = 'idle'
  private link: Link | null = null
  private linking: Promise<Link> | null = null
  private readonly queue: Job[] = []
  private failures = 0
  private retryAt = 0
  private error: RouterError | null = null

  constructor(
    readonly target: RouterTarget,
    options: ConnectionOptions = {},
  ) {
    this.target = { ...target }
    this.settings = resolveSettings(options)
  }

  get status(): ConnectionStatus {
    if (this.state === 'backoff' && Date.now() >= this.retryAt) return 'idle'
    return this.state
  }

  get lastError(): RouterError | null {
    return this.error
  }

  /** Commands sent and not yet answered (window accounting; keepalives not included). */
  get inFlight(): number {
    return this.link?.busy ?? 0
  }

  /** Commands waiting for a window slot or for the connection. */
  get queued(): number {
    return this.queue.length
  }

  /** When the current backoff ends (ms since epoch), or 0. */
  get retryAfter(): number {
    return this.status === 'backoff' ? this.retryAt : 0
  }

  connect(): Promise<void> {
    if (this.state === 'closed') return Promise.reject(closedError())
    if (this.link?.alive) return Promise.resolve()
    return this.startLink().then(() => undefined)
  }

  run(command: string, attrs: RouterAttrs = {}, options: RunOptions = {}): Promise<RouterRow[]> {
    let words: string[]
    try {
      words = commandWords(command, attrs, options)
    } catch (error) {
      return Promise.reject(error)
    }
    if (this.state === 'closed') return Promise.reject(closedError())
    const blocked = this.backoffError()
    if (blocked) return Promise.reject(blocked)
    const timeoutMs =
      options.timeoutMs !== undefined && options.timeoutMs > 0
        ? options.timeoutMs
        : this.settings.timeoutMs
    return new Promise<RouterRow[]>((resolve, reject) => {
      this.queue.push({ words, timeoutMs, resolve, reject })
      this.pump()
    })
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return
    this.state = 'closed'
    this.failQueue(closedError())
    const link = this.link
    this.link = null
    const linking = this.linking
    if (link) await link.close()
    if (linking)
      await linking.then(
        (l) => l.closed,
        () => undefined,
      )
  }

  private backoffError(): RouterError | null {
    if (this.state === 'backoff' && Date.now() < this.retryAt && this.error) return this.error
    return null
  }

  private pump(): void {
    if (this.state === 'closed') return
    const link = this.link
    if (!link || !link.alive) {
      this.link = null
      if (this.queue.length > 0) this.startLink().catch(() => {})
      return
    }
    while (this.queue.length > 0 && link.alive && link.busy < this.settings.window) {
      const job = this.queue.shift()!
      link.send(job.words, job.timeoutMs, (error, rows) => {
        if (error) job.reject(error)
        else job.resolve(rows)
        this.pump()
      })
    }
  }

  private startLink(): Promise<Link> {
    if (this.linking) return this.linking
    const blocked = this.backoffError()
    if (blocked) {
      this.failQueue(blocked)
      return Promise.reject(blocked)
    }
    this.state = 'connecting'
    const { timeoutMs, keepaliveMs } = this.settings
    const link: Link = new Link(this.target, { timeoutMs, keepaliveMs }, (error) =>
      this.onLost(link, error),
    )
    const linking = link.ready.then(
      () => {
        this.linking = null
        if (this.state === 'closed') {
          void link.close()
          throw closedError()
        }
        this.link = link
        this.state = 'ready'
        this.failures = 0
        this.pump()
        return link
      },
      (error: RouterError) => {
        this.linking = null
        if (this.state === 'closed') throw closedError()
        this.failures++
        this.error = error
        const { minMs, maxMs } = this.settings.backoff
        this.retryAt = Date.now() + Math.min(maxMs, minMs * 2 ** (this.failures - 1))
        this.state = 'backoff'
        this.failQueue(error)
        throw error
      },
    )
    this.linking = linking
    return linking
  }

  private onLost(link: Link, error: RouterError): void {
    if (this.link !== link) return
    this.link = null
    this.error = error
    if (this.state === 'ready') this.state = 'idle'
    // Queued commands were never sent: they wait for the reconnect (pumped once the in-flight
    // rejections have run).
    queueMicrotask(() => this.pump())
  }

  private failQueue(error: RouterError): void {
    for (const job of this.queue.splice(0)) job.reject(error)
  }
}
