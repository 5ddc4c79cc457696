import { createInflateRaw } from 'node:zlib'
import { ImportFileError } from './table'

/**
 * An .xlsx is a zip, and exceljs inflates every part of it into memory on the main thread (with
 * pako, in JavaScript) before reading a row. A 1 MB file can unpack to 1 GB: the host's memory
 * grows by that much and every other request waits. So the unpacked size is capped first.
 *
 * 50 MB: a customer list written by Excel or exceljs takes about 1 KB per row unpacked, so the
 * cap admits some 50 000 customers — ten times the largest RT/RW-NET — and a bank statement of
 * any real length; exceljs then needs a few hundred MB and a few seconds at most.
 */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024
/** A workbook has a few dozen parts; thousands are not a spreadsheet. */
export const MAX_ZIP_ENTRIES = 10_000

export interface ZipLimits {
  maxUnpackedBytes: number
  maxEntries: number
}

const DEFAULT_LIMITS: ZipLimits = {
  maxUnpackedBytes: MAX_UNPACKED_BYTES,
  maxEntries: MAX_ZIP_ENTRIES,
}

interface ZipEntryInfo {
  method: number
  compressedSize: number
  declaredSize: number
  localOffset: number
}

/**
 * Refuses a zip whose contents are larger than the cap, before anything parses it: first by the
 * sizes its central directory declares (no inflating at all), then by the bytes it really
 * inflates to, counted while streaming (the declared sizes can lie), off the main thread and
 * stopped at the cap. Overlapping entries (one compressed block named many times) count each
 * time, as exceljs would inflate each.
 */
export async function checkUnpackedSize(
  data: Buffer,
  limits: ZipLimits = DEFAULT_LIMITS,
): Promise<void> {
  const entries = readCentralDirectory(data, limits)
  let declared = 0
  for (const e of entries) declared += e.declaredSize
  if (declared > limits.maxUnpackedBytes) throw tooLarge(limits, `declares ${declared} bytes`)
  let budget = limits.maxUnpackedBytes
  for (const entry of entries) {
    const compressed = compressedBytes(data, entry)
    if (entry.method === 0) budget -= compressed.length
    // Other methods exceljs cannot read either; it says so itself.
    else if (entry.method === 8) budget -= await inflatedSize(compressed, budget)
    if (budget < 0) throw tooLarge(limits, 'inflates past the cap')
  }
}

function tooLarge(limits: ZipLimits, why: string): ImportFileError {
  return new ImportFileError(
    'import.file_too_large_unpacked',
    `The .xlsx unpacks to more than ${limits.maxUnpackedBytes} bytes (${why})`,
    { maxMb: Math.round(limits.maxUnpackedBytes / (1024 * 1024)) },
  )
}

function unreadable(why: string): ImportFileError {
  return new ImportFileError('import.file_unreadable', `Not a readable .xlsx file: ${why}`)
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const MAX32 = 0xffffffff

/** Reads a little-endian integer, or throws "unreadable" past the end (never a RangeError). */
function u(data: Buffer, offset: number, bytes: 2 | 4 | 8): number {
  if (offset < 0 || offset + bytes > data.length) throw unreadable('truncated zip')
  if (bytes === 2) return data.readUInt16LE(offset)
  if (bytes === 4) return data.readUInt32LE(offset)
  const big = data.readBigUInt64LE(offset)
  // Past 2^53 no honest workbook goes; treat it as the lie it is.
  return big > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(big)
}

function readCentralDirectory(data: Buffer, limits: ZipLimits): ZipEntryInfo[] {
  // The end record is in the last 22 bytes plus a comment of up to 64 KB.
  let eocd = -1
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw unreadable('no zip end record')
  let count = u(data, eocd + 10, 2)
  let offset = u(data, eocd + 16, 4)
  if (count === 0xffff || offset === MAX32) {
    // ZIP64: the real numbers are in the zip64 end record the locator points to.
    const locator = eocd - 20
    if (u(data, locator, 4) !== ZIP64_LOCATOR) throw unreadable('bad zip64 locator')
    const record = u(data, locator + 8, 8)
    if (u(data, record, 4) !== ZIP64_EOCD) throw unreadable('bad zip64 end record')
    count = u(data, record + 32, 8)
    offset = u(data, record + 48, 8)
  }
  if (count > limits.maxEntries) throw tooLarge(limits, `${count} entries`)
  const entries: ZipEntryInfo[] = []
  for (let i = 0; i < count; i++) {
    if (u(data, offset, 4) !== CENTRAL) throw unreadable('bad central directory')
    const nameLength = u(data, offset + 28, 2)
    const extraLength = u(data, offset + 30, 2)
    const commentLength = u(data, offset + 32, 2)
    const entry: ZipEntryInfo = {
      method: u(data, offset + 10, 2),
      compressedSize: u(data, offset + 20, 4),
      declaredSize: u(data, offset + 24, 4),
      localOffset: u(data, offset + 42, 4),
    }
    readZip64Extra(data, offset + 46 + nameLength, extraLength, entry)
    entries.push(entry)
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Sizes and offset of 0xFFFFFFFF are in the zip64 extra field (id 1), in this order. */
function readZip64Extra(data: Buffer, start: number, length: number, entry: ZipEntryInfo) {
  const fields = ['declaredSize', 'compressedSize', 'localOffset'] as const
  for (let at = start; at + 4 <= start + length;) {
    const id = u(data, at, 2)
    const size = u(data, at + 2, 2)
    if (id === 1) {
      let field = at + 4
      for (const name of fields) {
        if (entry[name] !== MAX32) continue
        entry[name] = u(data, field, 8)
        field += 8
      }
    }
    at += 4 + size
  }
}

/** An entry's compressed bytes, found as exceljs's zip reader finds them (via the local header). */
function compressedBytes(data: Buffer, entry: ZipEntryInfo): Buffer {
  const local = entry.localOffset
  if (u(data, local, 4) !== LOCAL) throw unreadable('bad local header')
  const start = local + 30 + u(data, local + 26, 2) + u(data, local + 28, 2)
  if (start + entry.compressedSize > data.length) throw unreadable('entry past the end')
  return data.subarray(start, start + entry.compressedSize)
}

/**
 * The bytes a deflated entry inflates to, counted as they come out of zlib (on the thread pool)
 * and thrown away; stops as soon as they pass `budget`, returning budget + 1.
 */
function inflatedSize(compressed: Buffer, budget: number): Promise<number> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 })
    let total = 0
    let settled = false
    const finish = (size: number) => {
      if (settled) return
      settled = true
      inflater.destroy()
      resolve(size)
    }
    inflater.on('data', (chunk: Buffer) => {
      total += chunk.length
      if (total > budget) finish(budget + 1)
    })
    inflater.on('end', () => finish(total))
    // A corrupt stream is exceljs's to report (file_unreadable); what came out so far counts.
    inflater.on('error', () => finish(total))
    inflater.end(compressed)
  })
}
