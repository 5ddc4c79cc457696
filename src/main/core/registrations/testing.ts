import { deflateSync } from 'node:zlib'
import { collectionsFixture } from '../collections/testing'
import { memoryFileStore } from '../files'
import type { RegistrationDeps } from './registrations'

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(data: Buffer): number {
  let c = 0xffffffff
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** Test fixtures only: a real PNG (a dark stroke on white), like the signature pad sends. */
export function testPng(width = 120, height = 40): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 255)
    row[0] = 0
    for (let x = 0; x < width; x++) {
      if (Math.abs(y - Math.round(height / 2 + Math.sin(x / 8) * (height / 4))) < 2)
        row.fill(20, 1 + x * 3, 4 + x * 3)
    }
    rows.push(row)
  }
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

export const pngUpload = () => ({ mime: 'image/png' as const, data: testPng().toString('base64') })

/** Test fixtures only: collectionsFixture with a file store, one active router and a technician. */
export async function registrationFixture(start = '2026-12-17T03:00:00Z') {
  const f = await collectionsFixture(start)
  const deps: RegistrationDeps & typeof f.deps = { ...f.deps, files: memoryFileStore() }
  const routerId = (
    await f.db
      .insertInto('routers')
      .values({
        company_id: f.companyId,
        name: 'POP-Utama',
        host: '127.0.0.1',
        port: 8728,
        tls: 0,
        username: 'admin',
        password_sealed: '',
        area_id: null,
        created_at: start,
        updated_at: start,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
  const technicianId = (
    await f.db
      .insertInto('users')
      .values({
        company_id: f.companyId,
        name: 'Teknisi Andi',
        username: 'andi',
        phone: null,
        email: null,
        role: 'technician',
        password_hash: 'x',
        must_change_password: 0,
        active: 1,
        created_at: start,
        updated_at: start,
        password_changed_at: null,
        deactivated_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
  return { ...f, deps, routerId, technicianId }
}
