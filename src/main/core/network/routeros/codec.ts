import { createRequire } from 'node:module'

/**
 * RouterOS speaks win1252. We use node-routeros's own iconv-lite (resolved from its location, so
 * we depend on nothing it does not already bring) to encode and decode exactly as it does.
 */
interface Iconv {
  encode(text: string, encoding: string): Buffer
  decode(bytes: Buffer, encoding: string): string
}
const requireHere = createRequire(import.meta.url)
const requireFromRouteros = createRequire(requireHere.resolve('node-routeros'))
const iconv = requireFromRouteros('iconv-lite') as Iconv

const ENCODING = 'win1252'

export function encodeText(text: string): Buffer {
  return iconv.encode(text, ENCODING)
}

export function decodeText(bytes: Buffer): string {
  return iconv.decode(bytes, ENCODING)
}

/** Bytes the length prefix of a word of `length` bytes takes (1–5). */
export function lengthPrefixSize(length: number): number {
  if (length < 0x80) return 1
  if (length < 0x4000) return 2
  if (length < 0x200000) return 3
  if (length < 0x10000000) return 4
  return 5
}

export function writeLength(length: number, out: Buffer, offset: number): number {
  if (length < 0x80) {
    out[offset] = length
    return offset + 1
  }
  if (length < 0x4000) {
    out.writeUInt16BE(length | 0x8000, offset)
    return offset + 2
  }
  if (length < 0x200000) {
    const v = length | 0xc00000
    out[offset] = v >>> 16
    out.writeUInt16BE(v & 0xffff, offset + 1)
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

/**
 * Size of the length prefix announced by its first byte, or 0 for the reserved control bytes
 * (0xF8–0xFF, and 0xF1–0xF7 which no RouterOS version sends).
 */
export function prefixSizeFromFirstByte(b0: number): number {
  if (b0 < 0x80) return 1
  if (b0 < 0xc0) return 2
  if (b0 < 0xe0) return 3
  if (b0 < 0xf0) return 4
  if (b0 === 0xf0) return 5
  return 0
}

/** Decodes a prefix of `size` bytes at `offset` (the caller checked they are there). */
export function readLength(buf: Buffer, offset: number, size: number): number {
  const b0 = buf[offset]!
  switch (size) {
    case 1:
      return b0
    case 2:
      return ((b0 & 0x3f) << 8) | buf[offset + 1]!
    case 3:
      return ((b0 & 0x1f) << 16) | buf.readUInt16BE(offset + 1)
    case 4:
      return (b0 & 0x0f) * 0x1000000 + buf.readUIntBE(offset + 1, 3)
    default:
      return buf.readUInt32BE(offset + 1)
  }
}

/** One whole sentence (words + the terminating zero-length word) in a single buffer. */
export function encodeSentence(words: readonly string[]): Buffer {
  const encoded = words.map(encodeText)
  let size = 1
  for (const w of encoded) size += lengthPrefixSize(w.length) + w.length
  const out = Buffer.allocUnsafe(size)
  let off = 0
  for (const w of encoded) {
    off = writeLength(w.length, out, off)
    off += w.copy(out, off)
  }
  out[off] = 0
  return out
}
