import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
import { open } from 'node:fs/promises'
import { AppError } from '@shared/errors'

/**
 * The `.loket-backup` container, written here rather than taken from a library (a tar or zip
 * writer would still need the encryption around it). All integers are big-endian.
 *
 *   8 bytes   magic "LOKETBK1"
 *   4 bytes   header length H, then H bytes of header JSON (BackupHeader): NOT encrypted, so
 *             `backup list` works without the passphrase; it holds no secret and no customer data
 *   frames    4 bytes payload length L (≤ 1 MiB), 1 byte "last frame" flag, L bytes payload, tag
 *
 * The frames' payloads, concatenated, are a list of entries: 2 bytes name length N (0 ends the
 * list), N bytes name (UTF-8), 8 bytes data length D, D bytes data. The last entry before the end
 * is `manifest.json`.
 *
 * With a passphrase each payload is AES-256-GCM ciphertext and the tag is its 16-byte GCM tag;
 * the key is scrypt(passphrase, salt) with the parameters in the header, the nonce the header's
 * 8-byte prefix and the frame's index. Without one the payload is plain and the tag is a 32-byte
 * SHA-256: it catches damage, not a forger. Either way the tag covers the header (its SHA-256),
 * the frame's index and its last-frame flag, so a changed header, a reordered, dropped or
 * truncated frame fails like a changed byte.
 */

export const BACKUP_EXTENSION = '.loket-backup'
const MAGIC = Buffer.from('LOKETBK1', 'latin1')
export const FORMAT = 1
const FRAME = 1024 * 1024
const GCM_TAG = 16
const HASH_TAG = 32
const MAX_HEADER = 64 * 1024

export interface KdfParams {
  name: 'scrypt'
  salt: string
  log2n: number
  r: number
  p: number
  /** HMAC of a fixed text under the derived key: tells a wrong passphrase from a damaged file. */
  keyCheck: string
}

/** What anyone holding the file may read: no secret, no customer data. */
export interface BackupHeader {
  format: number
  createdAt: string
  createdBy: string
  company: string
  schemaVersion: string | null
  sourceEngine: 'sqlite' | 'postgres'
  encrypted: boolean
  /** Whether the key that unseals router and gateway secrets is inside. */
  keyIncluded: boolean
  kdf?: KdfParams
  noncePrefix?: string
}

/** scrypt as for passwords (DESIGN.md): N=2^17, r=8, p=1. */
const SCRYPT = { log2n: 17, r: 8, p: 1 }

function deriveKey(passphrase: string, salt: Buffer, log2n: number, r: number, p: number) {
  const N = 2 ** log2n
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 16 * 1024 * 1024 }
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  )
}

const keyCheckOf = (key: Buffer) =>
  createHmac('sha256', key).update('loket backup key check').digest().subarray(0, 16)

/** A new key and the header fields that let the passphrase find it again. */
export async function newBackupKey(
  passphrase: string,
): Promise<{ key: Buffer; kdf: KdfParams; noncePrefix: string }> {
  const salt = randomBytes(16)
  const key = await deriveKey(passphrase, salt, SCRYPT.log2n, SCRYPT.r, SCRYPT.p)
  return {
    key,
    kdf: {
      name: 'scrypt',
      salt: salt.toString('base64'),
      ...SCRYPT,
      keyCheck: keyCheckOf(key).toString('base64'),
    },
    noncePrefix: randomBytes(8).toString('base64'),
  }
}

/** The key of an encrypted backup, or null for a plain one; a wrong passphrase is refused here. */
export async function openBackupKey(
  header: BackupHeader,
  passphrase: string | null,
): Promise<Buffer | null> {
  if (!header.encrypted) return null
  const kdf = header.kdf
  if (!kdf || kdf.name !== 'scrypt')
    throw new AppError('BACKUP_DAMAGED', 'header has no key parameters')
  if (!passphrase) throw new AppError('BACKUP_PASSPHRASE_REQUIRED')
  if (kdf.log2n > 22 || kdf.r > 32 || kdf.p > 16)
    throw new AppError('BACKUP_DAMAGED', 'scrypt parameters out of range')
  const key = await deriveKey(passphrase, Buffer.from(kdf.salt, 'base64'), kdf.log2n, kdf.r, kdf.p)
  const check = Buffer.from(kdf.keyCheck, 'base64')
  const mine = keyCheckOf(key)
  if (check.length !== mine.length || !timingSafeEqual(check, mine)) {
    throw new AppError('BACKUP_PASSPHRASE_WRONG')
  }
  return key
}

function encodeHeader(header: BackupHeader): Buffer {
  const body = Buffer.from(JSON.stringify(header), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  return Buffer.concat([MAGIC, length, body])
}

/** What every frame's tag covers besides its payload. */
function frameContext(headerDigest: Buffer, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(5)
  tail.writeUInt32BE(index)
  tail[4] = last ? 1 : 0
  return Buffer.concat([headerDigest, tail])
}

function nonceOf(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12)
  prefix.copy(nonce, 0, 0, 8)
  nonce.writeUInt32BE(index, 8)
  return nonce
}

/** Writes the header, then entries in frames of at most 1 MiB; `finish` writes the last frame. */
export class BackupWriter {
  private readonly buffer = Buffer.alloc(FRAME)
  private used = 0
  private index = 0
  private position = 0
  private readonly digest: Buffer
  private readonly prefix: Buffer

  constructor(
    private readonly file: FileHandle,
    header: BackupHeader,
    private readonly key: Buffer | null,
  ) {
    const head = encodeHeader(header)
    this.digest = createHash('sha256').update(head).digest()
    this.prefix = Buffer.from(header.noncePrefix ?? '', 'base64')
    this.pending = this.file.write(head, 0, head.length, 0).then(() => {
      this.position = head.length
    })
  }

  private pending: Promise<void>

  /** Starts an entry of `length` bytes; its data follows with `write`. */
  async entry(name: string, length: number): Promise<void> {
    const bytes = Buffer.from(name, 'utf8')
    const head = Buffer.alloc(2 + bytes.length + 8)
    head.writeUInt16BE(bytes.length)
    bytes.copy(head, 2)
    head.writeBigUInt64BE(BigInt(length), 2 + bytes.length)
    await this.write(head)
  }

  async write(data: Buffer): Promise<void> {
    let at = 0
    while (at < data.length) {
      if (this.used === FRAME) await this.flush(false)
      const n = Math.min(FRAME - this.used, data.length - at)
      data.copy(this.buffer, this.used, at, at + n)
      this.used += n
      at += n
    }
  }

  /** Ends the entry list and writes the last frame. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(2))
    await this.flush(true)
  }

  private async flush(last: boolean): Promise<void> {
    await this.pending
    const plain = this.buffer.subarray(0, this.used)
    const context = frameContext(this.digest, this.index, last)
    let payload: Buffer
    let tag: Buffer
    if (this.key) {
      const cipher = createCipheriv('aes-256-gcm', this.key, nonceOf(this.prefix, this.index))
      cipher.setAAD(context)
      payload = Buffer.concat([cipher.update(plain), cipher.final()])
      tag = cipher.getAuthTag()
    } else {
      payload = Buffer.from(plain)
      tag = createHash('sha256').update(context).update(plain).digest()
    }
    const head = Buffer.alloc(5)
    head.writeUInt32BE(payload.length)
    head[4] = last ? 1 : 0
    const frame = Buffer.concat([head, payload, tag])
    await this.file.write(frame, 0, frame.length, this.position)
    this.position += frame.length
    this.index++
    this.used = 0
  }
}

export interface OpenedHeader {
  header: BackupHeader
  /** Where the first frame starts. */
  offset: number
  digest: Buffer
  bytes: number
}

/** Reads the unencrypted header; a file that is not a backup, or of a newer format, is refused. */
export async function readBackupHeader(file: string): Promise<OpenedHeader> {
  const handle = await open(file, 'r')
  try {
    const { size } = await handle.stat()
    const start = Buffer.alloc(12)
    const { bytesRead } = await handle.read(start, 0, 12, 0)
    if (bytesRead < 12 || !start.subarray(0, 8).equals(MAGIC)) {
      throw new AppError('BACKUP_NOT_A_BACKUP', `${file} is not a Loket backup`)
    }
    const length = start.readUInt32BE(8)
    if (length > MAX_HEADER || 12 + length > size)
      throw new AppError('BACKUP_DAMAGED', 'header length')
    const body = Buffer.alloc(length)
    await handle.read(body, 0, length, 12)
    let header: BackupHeader
    try {
      header = JSON.parse(body.toString('utf8')) as BackupHeader
    } catch {
      throw new AppError('BACKUP_DAMAGED', 'header is not JSON')
    }
    if (typeof header.format !== 'number')
      throw new AppError('BACKUP_DAMAGED', 'header has no format')
    if (header.format > FORMAT)
      throw new AppError('BACKUP_NEWER_THAN_APP', `format ${header.format}`)
    const digest = createHash('sha256').update(start).update(body).digest()
    return { header, offset: 12 + length, digest, bytes: size }
  } finally {
    await handle.close()
  }
}

const damaged = (why: string) => new AppError('BACKUP_DAMAGED', why)

/** The frames' payloads in order, each checked against its tag before it is handed out. */
async function* payloads(file: string, opened: OpenedHeader, key: Buffer | null) {
  const handle = await open(file, 'r')
  try {
    const prefix = Buffer.from(opened.header.noncePrefix ?? '', 'base64')
    const tagLength = key ? GCM_TAG : HASH_TAG
    let position = opened.offset
    for (let index = 0; ; index++) {
      const head = Buffer.alloc(5)
      if ((await handle.read(head, 0, 5, position)).bytesRead < 5) throw damaged('file ends early')
      const length = head.readUInt32BE(0)
      const last = head[4] === 1
      if (length > FRAME + 16) throw damaged('frame length')
      const body = Buffer.alloc(length + tagLength)
      const read = await handle.read(body, 0, body.length, position + 5)
      if (read.bytesRead < body.length) throw damaged('file ends early')
      position += 5 + body.length
      const payload = body.subarray(0, length)
      const tag = body.subarray(length)
      const context = frameContext(opened.digest, index, last)
      if (key) {
        const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(prefix, index))
        decipher.setAAD(context)
        decipher.setAuthTag(tag)
        try {
          yield Buffer.concat([decipher.update(payload), decipher.final()])
        } catch (error) {
          if (error instanceof AppError) throw error
          throw damaged(`frame ${index} fails its check`)
        }
      } else {
        const expected = createHash('sha256').update(context).update(payload).digest()
        if (!expected.equals(tag)) throw damaged(`frame ${index} fails its check`)
        yield payload
      }
      if (last) {
        if (position !== opened.bytes) throw damaged('bytes after the last frame')
        return
      }
    }
  } finally {
    await handle.close()
  }
}

/** Where an entry's bytes go, piece by piece (never the whole entry in memory). */
export type EntrySink = (
  name: string,
  length: number,
) => Promise<{
  write(piece: Buffer): Promise<void> | void
  end(): Promise<void> | void
}>

/** Reads every entry of a backup into the sinks the caller picks; every frame is checked. */
export async function readEntries(
  file: string,
  opened: OpenedHeader,
  key: Buffer | null,
  sink: EntrySink,
): Promise<void> {
  const source = payloads(file, opened, key)
  let buffer = Buffer.alloc(0)
  let done = false
  const more = async () => {
    const next = await source.next()
    if (next.done) {
      done = true
      return false
    }
    buffer = buffer.length ? Buffer.concat([buffer, next.value]) : next.value
    return true
  }
  const take = async (n: number) => {
    while (buffer.length < n) if (!(await more())) throw damaged('entry list ends early')
    const piece = buffer.subarray(0, n)
    buffer = buffer.subarray(n)
    return piece
  }
  try {
    await readList(take, more, sink)
    // Everything after the end marker must be nothing, and the last frame must have been read.
    if (buffer.length) throw damaged('bytes after the entry list')
    if (!done && (await more())) throw damaged('bytes after the entry list')
    while (!done) await more()
  } finally {
    await source.return(undefined)
  }
  async function readList(
    take: (n: number) => Promise<Buffer>,
    more: () => Promise<boolean>,
    sink: EntrySink,
  ) {
    for (;;) {
      const nameLength = (await take(2)).readUInt16BE(0)
      if (nameLength === 0) break
      const name = (await take(nameLength)).toString('utf8')
      const length = Number((await take(8)).readBigUInt64BE(0))
      const target = await sink(name, length)
      let left = length
      while (left > 0) {
        if (!buffer.length && !(await more())) throw damaged('entry ends early')
        const n = Math.min(left, buffer.length)
        await target.write(buffer.subarray(0, n))
        buffer = buffer.subarray(n)
        left -= n
      }
      await target.end()
    }
  }
}
