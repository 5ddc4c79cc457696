import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  apiCode,
  areaAndPackage,
  companyOwner,
  startTestHost,
  type TestHost,
} from '../helpers/http-host'
import { signInAs } from '../helpers/role-users'

/**
 * Ticket photos and the ticket list's filters through the real HTTP API (SQLite, or PostgreSQL
 * on the postgres run): photos go through the file store like customer documents, images only.
 */
let host: TestHost
let owner: ReturnType<TestHost['client']>
let ownerToken: string
let ticketId: number
let customerId: number
beforeAll(async () => {
  host = await startTestHost()
  ;({ owner, ownerToken } = await companyOwner(host))
  const { area } = await areaAndPackage(owner)
  customerId = (await owner.customers.create.mutate({ areaId: area.id, name: 'Budi Santoso' })).id
  ticketId = (
    await owner.tickets.open.mutate({
      customerId,
      category: 'perangkat',
      priority: 'tinggi',
      title: 'ONT mati total',
      deviceSerial: 'ZTEG12345678',
    })
  ).id
}, 120_000)
afterAll(async () => {
  await host.stop()
})

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const PDF = Buffer.from('%PDF-1.4 a contract')
const attach = (fileName: string, data: Buffer, mime = 'image/png') =>
  owner.tickets.attach.mutate({
    ticketId,
    fileName,
    mime: mime as 'image/png',
    contentBase64: data.toString('base64'),
  })

describe('ticket photos over HTTP', () => {
  it('a photo is stored, listed with who uploaded it, and read back byte for byte', async () => {
    const photo = Buffer.concat([PNG, Buffer.from('the broken ONT')])
    await attach('C:\\Users\\cs\\ont mati.png', photo)
    const list = await owner.tickets.attachments.query({ ticketId })
    expect(list).toMatchObject([{ fileName: 'ont mati.png', mime: 'image/png', username: 'owner' }])
    const back = await owner.tickets.attachment.query({ id: list[0]!.id })
    expect(Buffer.from(back.contentBase64, 'base64').equals(photo)).toBe(true)
  })

  it('only images: a PDF, or a PDF renamed to .png, is refused with a message', async () => {
    expect(await apiCode(attach('kontrak.pdf', PDF, 'application/pdf'))).toBe('VALIDATION')
    expect(await apiCode(attach('foto.png', PDF))).toBe('VALIDATION')
    expect(await owner.tickets.attachments.query({ ticketId })).toHaveLength(1)
  })

  it('a photo over 5 MB is refused', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)])
    expect(await apiCode(attach('besar.png', big))).toBe('VALIDATION')
  })

  it('who may see tickets sees the photos; only who works tickets uploads them', async () => {
    const billing = await signInAs(host, ownerToken, 'admin_billing', 'tagihan1')
    expect(await billing.tickets.attachments.query({ ticketId })).toHaveLength(1)
    expect(
      await apiCode(
        billing.tickets.attach.mutate({
          ticketId,
          fileName: 'x.png',
          mime: 'image/png',
          contentBase64: PNG.toString('base64'),
        }),
      ),
    ).toBe('FORBIDDEN')
  })

  it('a photo of a ticket that does not exist is refused', async () => {
    expect(
      await apiCode(
        owner.tickets.attach.mutate({
          ticketId: 999_999,
          fileName: 'x.png',
          mime: 'image/png',
          contentBase64: PNG.toString('base64'),
        }),
      ),
    ).toBe('NOT_FOUND')
  })
})

describe('the ticket list', () => {
  it('filters by priority and category and finds a ticket by its device SN', async () => {
    await owner.tickets.open.mutate({
      customerId,
      category: 'tagihan',
      priority: 'rendah',
      title: 'Tagihan dobel',
    })
    const titles = async (input: Record<string, unknown>) =>
      (await owner.tickets.list.query(input)).map((t) => t.title)
    expect(await titles({ priority: 'tinggi' })).toEqual(['ONT mati total'])
    expect(await titles({ category: 'tagihan' })).toEqual(['Tagihan dobel'])
    expect(await titles({ search: 'zteg1234' })).toEqual(['ONT mati total'])
    expect(await titles({ search: 'budi' })).toHaveLength(2)
  })

  it('loads in pages: the cursor skips the rows already shown', async () => {
    const all = await owner.tickets.list.query({})
    const first = await owner.tickets.list.query({ limit: 1 })
    const second = await owner.tickets.list.query({ limit: 1, cursor: 1 })
    expect([...first, ...second].map((t) => t.id)).toEqual(all.map((t) => t.id))
  })
})
