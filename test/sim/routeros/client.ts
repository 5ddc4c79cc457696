/**
 * A minimal raw RouterOS API client for the simulator's own tests (and for quick manual probing):
 * plain sockets, the encoder/parser from words.ts, no node-routeros.
 */
import net from 'node:net'
import tls from 'node:tls'
import { SentenceParser, encodeSentence } from './words.js'

export class RawClient {
  readonly received: string[][] = []
  private readonly waiters: ((s: string[] | null) => void)[] = []
  private ended = false
  readonly closed: Promise<void>

  private constructor(readonly socket: net.Socket) {
    const parser = new SentenceParser((words) => {
      const w = this.waiters.shift()
      if (w) w(words)
      else this.received.push(words)
    })
    socket.on('data', (chunk: Buffer) => parser.feed(chunk))
    socket.on('error', () => {})
    this.closed = new Promise((resolve) =>
      socket.on('close', () => {
        this.ended = true
        for (const w of this.waiters.splice(0)) w(null)
        resolve()
      }),
    )
  }

  static connect(port: number, options: { tls?: boolean } = {}): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = options.tls
        ? tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => done())
        : net.connect({ host: '127.0.0.1', port }, () => done())
      const done = (): void => {
        socket.off('error', reject)
        socket.setNoDelay(true)
        resolve(new RawClient(socket))
      }
      socket.once('error', reject)
    })
  }

  get isClosed(): boolean {
    return this.ended
  }

  write(words: string[]): void {
    this.socket.write(encodeSentence(words))
  }

  writeRaw(data: Buffer): void {
    this.socket.write(data)
  }

  /** Next sentence, or null when the connection closed; rejects after `timeoutMs`. */
  next(timeoutMs = 2000): Promise<string[] | null> {
    const ready = this.received.shift()
    if (ready) return Promise.resolve(ready)
    if (this.ended) return Promise.resolve(null)
    return new Promise((resolve, reject) => {
      const waiter = (s: string[] | null): void => {
        clearTimeout(timer)
        resolve(s)
      }
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter)
        if (i >= 0) this.waiters.splice(i, 1)
        reject(new Error(`no sentence within ${timeoutMs} ms`))
      }, timeoutMs)
      this.waiters.push(waiter)
    })
  }

  /** Sentences up to and including the next !done (or !fatal / close). */
  async reply(timeoutMs = 2000): Promise<string[][]> {
    const out: string[][] = []
    for (;;) {
      const s = await this.next(timeoutMs)
      if (!s) return out
      out.push(s)
      if (s[0] === '!done' || s[0] === '!fatal') return out
    }
  }

  async command(words: string[], timeoutMs = 2000): Promise<string[][]> {
    this.write(words)
    return this.reply(timeoutMs)
  }

  async login(name = 'admin', password = 'admin'): Promise<string[][]> {
    return this.command(['/login', `=name=${name}`, `=password=${password}`])
  }

  close(): void {
    this.socket.destroy()
  }
}

/** Attributes of a reply sentence as an object ('=k=v' words; '.tag' included). */
export function attrsOf(sentence: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const w of sentence.slice(1)) {
    if (w.startsWith('=')) {
      const eq = w.indexOf('=', 1)
      out[w.slice(1, eq)] = w.slice(eq + 1)
    } else if (w.startsWith('.tag=')) out['.tag'] = w.slice(5)
  }
  return out
}

/** The !re rows of a reply as objects. */
export const rowsOf = (reply: string[][]): Record<string, string>[] =>
  reply.filter((s) => s[0] === '!re').map(attrsOf)
