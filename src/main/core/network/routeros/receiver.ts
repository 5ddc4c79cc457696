import { decodeText, prefixSizeFromFirstByte, readLength } from './codec'

/**
 * Replaces node-routeros's connector/Receiver on each connection.
 *
 * Its Receiver decides where a sentence ends from TCP chunk boundaries (`hadMore`) instead of the
 * zero-length word, so under pipelining a chunk that ends between two words of one sentence
 * delivers half a sentence to one tag and glues the rest onto the next; it also throws
 * UNREGISTEREDTAG from the socket's 'data' handler (killing the process) on a reply whose tag is
 * no longer read, and hands `!empty` to Channel, which throws UNKNOWNREPLY.
 *
 * This parser keeps the same face Connector and Channel use — `read(tag, cb)`, `stop(tag)`,
 * `processRawData(chunk)`, packets shaped `['!re', '=name=value', …]` without the `.tag` word —
 * and ends a sentence only at the zero-length word, wherever TCP splits the bytes.
 */

/** A word larger than this is taken as a corrupt stream rather than buffered. */
export const MAX_WORD_BYTES = 64 * 1024 * 1024

export interface ReceiverHooks {
  /** `!fatal` (tagged or not): the router is closing the connection. */
  fatal(message: string): void
  /** Unparseable bytes: the stream cannot be trusted any more. */
  protocolError(error: Error): void
  /** A tag reader threw; the stream itself is fine. */
  readerError?(error: unknown): void
  /** An untagged sentence other than `!fatal` (dropped). */
  untagged?(words: string[]): void
}

export class SentenceReceiver {
  private readonly readers = new Map<string, (packet: string[]) => void>()
  private chunks: Buffer[] = []
  private buffered = 0
  private words: string[] = []
  private broken = false

  constructor(private readonly hooks: ReceiverHooks) {}

  read(tag: string, callback: (packet: string[]) => void): void {
    this.readers.set(tag, callback)
  }

  stop(tag: string): void {
    this.readers.delete(tag)
  }

  isReading(tag: string): boolean {
    return this.readers.has(tag)
  }

  /** Tags still being read (for tests and leak checks). */
  get readerCount(): number {
    return this.readers.size
  }

  /** Never throws: it runs inside the socket's 'data' handler, where a throw is uncaught. */
  processRawData(chunk: Buffer): void {
    if (this.broken || chunk.length === 0) return
    this.chunks.push(chunk)
    this.buffered += chunk.length
    try {
      this.drain()
    } catch (error) {
      this.broken = true
      this.chunks = []
      this.buffered = 0
      this.hooks.protocolError(error instanceof Error ? error : new Error(String(error)))
    }
  }

  private drain(): void {
    while (this.buffered > 0 && !this.broken) {
      const size = prefixSizeFromFirstByte(this.chunks[0]![0]!)
      if (size === 0) {
        throw new Error(`reserved byte 0x${this.chunks[0]![0]!.toString(16)} in a length prefix`)
      }
      if (this.buffered < size) return
      const head = this.contiguous(size)
      const length = readLength(head, 0, size)
      if (length > MAX_WORD_BYTES) throw new Error(`word of ${length} bytes announced`)
      if (this.buffered < size + length) return
      const bytes = this.contiguous(size + length)
      const word = length === 0 ? null : decodeText(bytes.subarray(size, size + length))
      this.consume(size + length)
      if (word === null) this.endSentence()
      else this.words.push(word)
    }
  }

  /** Makes the first `n` buffered bytes one buffer, merging only as many chunks as needed. */
  private contiguous(n: number): Buffer {
    const first = this.chunks[0]!
    if (first.length >= n) return first
    let take = 0
    let total = 0
    while (total < n) total += this.chunks[take++]!.length
    const merged = Buffer.concat(this.chunks.slice(0, take), total)
    this.chunks.splice(0, take, merged)
    return merged
  }

  private consume(n: number): void {
    this.buffered -= n
    while (n > 0) {
      const first = this.chunks[0]!
      if (first.length <= n) {
        this.chunks.shift()
        n -= first.length
      } else {
        this.chunks[0] = first.subarray(n)
        n = 0
      }
    }
  }

  private endSentence(): void {
    const words = this.words
    this.words = []
    const reply = words[0]
    if (reply === undefined) return // a stray zero byte: nothing to deliver
    let tag: string | undefined
    const packet = [reply]
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!
      if (w.startsWith('.tag=')) tag = w.slice(5)
      else packet.push(w)
    }
    if (reply === '!fatal') {
      this.broken = true
      this.hooks.fatal(fatalMessage(packet.slice(1)))
      return
    }
    // RouterOS ≥ 7.18 sends `!empty` before `!done` when a print matches nothing: no rows.
    if (reply === '!empty') return
    if (tag === undefined) {
      this.hooks.untagged?.(words)
      return
    }
    // A reply for a tag no longer read (its command timed out, or it trapped) is dropped.
    const reader = this.readers.get(tag)
    if (!reader) return
    try {
      reader(packet)
    } catch (error) {
      this.hooks.readerError?.(error)
    }
  }
}

/** `!fatal` carries its reason as a bare word; accept `=message=` too. */
function fatalMessage(words: string[]): string {
  for (const w of words) {
    if (w.startsWith('=message=')) return w.slice('=message='.length)
  }
  return words.filter((w) => !w.startsWith('=')).join(' ')
}
