/**
 * RouterOS API wire format: words with a big-endian length prefix (1 to 5 bytes), sentences
 * terminated by a zero-length word. Strings are latin1 both ways (RouterOS itself is win1252).
 */

/** Longest word the parser accepts; anything larger is treated as a protocol error. */
export const MAX_WORD_LENGTH = 64 * 1024 * 1024

/** Number of bytes the length prefix of a word of `length` bytes takes. */
export function lengthPrefixSize(length: number): number {
  if (length < 0x80) return 1
  if (length < 0x4000) return 2
  if (length < 0x200000) return 3
  if (length < 0x10000000) return 4
  return 5
}

/** Writes the length prefix into `out` at `offset`; returns the offset after it. */
export function writeLength(length: number, out: Buffer, offset: number): number {
  if (!Number.isInteger(length) || length < 0 || length > 0xffffffff) {
    throw new RangeError(`invalid word length ${length}`)
  }
  if (length < 0x80) {
    out[offset] = length
    return offset + 1
  }
  if (length < 0x4000) {
    const v = length | 0x8000
    out[offset] = v >>> 8
    out[offset + 1] = v & 0xff
    return offset + 2
  }
  if (length < 0x200000) {
    const v = length | 0xc00000
    out[offset] = v >>> 16
    out[offset + 1] = (v >>> 8) & 0xff
    out[offset + 2] = v & 0xff
    return offset + 3
  }
  if (length < 0x10000000) {
    out.writeUInt32BE((length | 0xe0000000) >>> 0, offset)
    return offset + 4
  }
  out[offset] = 0xf0
  out.writeUInt32BE(length, offset + 1)
  return offset + 5
}

export function encodeLength(length: number): Buffer {
  const out = Buffer.allocUnsafe(lengthPrefixSize(length))
  writeLength(length, out, 0)
  return out
}

/**
 * Decodes a length prefix at `offset`. Returns null when `buf` does not yet hold the whole prefix.
 * Throws on a reserved control byte (0xF8–0xFF).
 */
export function decodeLength(buf: Uint8Array, offset = 0): { length: number; size: number } | null {
  if (offset >= buf.length) return null
  const b0 = buf[offset]!
  if (b0 < 0x80) return { length: b0, size: 1 }
  if (b0 < 0xc0) {
    if (offset + 2 > buf.length) return null
    return { length: ((b0 & 0x3f) << 8) | buf[offset + 1]!, size: 2 }
  }
  if (b0 < 0xe0) {
    if (offset + 3 > buf.length) return null
    return { length: ((b0 & 0x1f) << 16) | (buf[offset + 1]! << 8) | buf[offset + 2]!, size: 3 }
  }
  if (b0 < 0xf0) {
    if (offset + 4 > buf.length) return null
    const length =
      (b0 & 0x0f) * 0x1000000 +
      (buf[offset + 1]! << 16) +
      (buf[offset + 2]! << 8) +
      buf[offset + 3]!
    return { length, size: 4 }
  }
  if (b0 === 0xf0) {
    if (offset + 5 > buf.length) return null
    const length =
      buf[offset + 1]! * 0x1000000 +
      (buf[offset + 2]! << 16) +
      (buf[offset + 3]! << 8) +
      buf[offset + 4]!
    return { length, size: 5 }
  }
  throw new Error(`reserved control byte 0x${b0.toString(16)} in length prefix`)
}

/** One word, prefix included. */
export function encodeWord(word: string): Buffer {
  const len = Buffer.byteLength(word, 'latin1')
  const out = Buffer.allocUnsafe(lengthPrefixSize(len) + len)
  const off = writeLength(len, out, 0)
  out.write(word, off, 'latin1')
  return out
}

/** Size in bytes of a sentence once encoded (including the terminating empty word). */
function sentenceSize(words: readonly string[]): number {
  let size = 1
  for (const w of words) {
    const len = w.length // latin1: one byte per UTF-16 unit
    size += lengthPrefixSize(len) + len
  }
  return size
}

/** Writes a sentence (words + terminating zero-length word); returns the offset after it. */
function writeSentence(words: readonly string[], out: Buffer, offset: number): number {
  let off = offset
  for (const w of words) {
    off = writeLength(w.length, out, off)
    off += out.write(w, off, 'latin1')
  }
  out[off] = 0
  return off + 1
}

/** A whole sentence in one buffer. */
export function encodeSentence(words: readonly string[]): Buffer {
  const out = Buffer.allocUnsafe(sentenceSize(words))
  writeSentence(words, out, 0)
  return out
}

/** Several sentences in one buffer (one socket write for a whole reply). */
export function encodeSentences(sentences: readonly (readonly string[])[]): Buffer {
  let size = 0
  for (const s of sentences) size += sentenceSize(s)
  const out = Buffer.allocUnsafe(size)
  let off = 0
  for (const s of sentences) off = writeSentence(s, out, off)
  return out
}

/**
 * Incremental sentence parser: feed it whatever chunks TCP delivers (a word, or even a length
 * prefix, may be split anywhere); it calls `onSentence` once per complete sentence.
 */
export class SentenceParser {
  private pending: Buffer | null = null
  private words: string[] = []

  constructor(
    private readonly onSentence: (words: string[]) => void,
    private readonly maxWordLength = MAX_WORD_LENGTH,
  ) {}

  /** Bytes received but not yet part of a complete word. */
  get buffered(): number {
    return this.pending ? this.pending.length : 0
  }

  /** Throws on a protocol error (reserved control byte, word too long). */
  feed(chunk: Buffer): void {
    let buf = chunk
    if (this.pending) {
      buf = Buffer.concat([this.pending, chunk])
      this.pending = null
    }
    let off = 0
    const end = buf.length
    while (off < end) {
      const b0 = buf[off]!
      let length: number
      let size: number
      if (b0 < 0x80) {
        length = b0
        size = 1
      } else {
        const dec = decodeLength(buf, off)
        if (!dec) break
        length = dec.length
        size = dec.size
        if (length > this.maxWordLength) {
          throw new Error(`word of ${length} bytes exceeds the limit of ${this.maxWordLength}`)
        }
      }
      if (off + size + length > end) break
      off += size
      if (length === 0) {
        const words = this.words
        this.words = []
        this.onSentence(words)
      } else {
        this.words.push(buf.toString('latin1', off, off + length))
        off += length
      }
    }
    if (off < end) this.pending = Buffer.from(buf.subarray(off))
  }
}
