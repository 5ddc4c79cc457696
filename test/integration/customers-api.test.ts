import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  apiCode,
  areaAndPackage,
  OWNER,
  setupCompany,
  startTestHost,
  type TestHost,
} from '../helpers/http-host'

let host: TestHost
let owner: ReturnType<TestHost['client']>
beforeEach(async () => {
  host = await startTestHost()
  await setupCompany(host)
  owner = host.client((await host.client().auth.login.mutate(OWNER)).token)
})
afterEach(async () => {
  await host.stop()
})

async function customerWithService() {
  const { area, product } = await areaAndPackage(owner)
  const customer = await owner.customers.create.mutate({
    areaId: area.id,
    name: 'Budi Santoso',
    phone: '0812-3456-7890',
  })
  await owner.customers.addService.mutate({
    customerId: customer.id,
    productId: product.id,
    status: 'aktif',
    activationDate: '2026-01-17',
  })
  return { area, product, customer }
}

describe('customers over the HTTP API', () => {
  it('create → add service → search by phone → detail', async () => {
    const { customer } = await customerWithService()
    expect(customer.code).toBe('CBG01-0001')
    const found = await owner.customers.list.query({ q: '+62 812-3456-7890' })
    expect(found).toMatchObject({
      total: 1,
      rows: [{ code: 'CBG01-0001', status: 'aktif', products: 'Rumah 10 Mbps' }],
    })
    const [me] = await owner.customers.staff.query()
    await owner.customers.update.mutate({
      id: customer.id,
      name: 'Budi Santoso',
      phone: '0812-3456-7890',
      accountManagerId: me!.id,
    })
    const detail = await owner.customers.get.query({ id: customer.id })
    expect(detail).toMatchObject({ accountManagerName: 'Pemilik', phone: '6281234567890' })
    expect(detail.services[0]).toMatchObject({
      sid: 'SID000001',
      monthlyPrice: 150_000,
      pppoeUsername: 'cbg01-0001',
    })
  })

  it('a technician sees customers and the package list, but may not change them', async () => {
    const { customer } = await customerWithService()
    await owner.users.create.mutate({
      name: 'Teknisi',
      username: 'tek1',
      role: 'technician',
      password: 'Awal-Teknisi-2026',
    })
    const { token } = await host
      .client()
      .auth.login.mutate({ username: 'tek1', password: 'Awal-Teknisi-2026' })
    await host.client(token).auth.changePassword.mutate({
      currentPassword: 'Awal-Teknisi-2026',
      newPassword: 'Teknisi-Lapangan-1',
    })
    const tech = host.client(token)
    expect((await tech.customers.list.query({})).total).toBe(1)
    expect((await tech.catalog.products.query()).map((p) => p.name)).toEqual(['Rumah 10 Mbps'])
    expect(
      await apiCode(tech.catalog.createArea.mutate({ code: 'BJG02', name: 'Bojonggede' })),
    ).toBe('FORBIDDEN')
    expect(
      await apiCode(tech.customers.terminate.mutate({ customerId: customer.id, reason: 'coba' })),
    ).toBe('FORBIDDEN')
  })

  it('a KTP scan is stored in the data dir, listed and read back; other file types are refused', async () => {
    const { customer } = await customerWithService()
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    await owner.customers.attach.mutate({
      customerId: customer.id,
      kind: 'ktp',
      fileName: 'ktp-budi.png',
      mime: 'image/png',
      contentBase64: png.toString('base64'),
    })
    const list = await owner.customers.attachments.query({ customerId: customer.id })
    expect(list).toMatchObject([
      { kind: 'ktp', fileName: 'ktp-budi.png', size: png.length, username: 'owner' },
    ])
    const back = await owner.customers.attachment.query({ id: list[0]!.id })
    expect(Buffer.from(back.contentBase64, 'base64').equals(png)).toBe(true)
    const exe = owner.customers.attach.mutate({
      customerId: customer.id,
      kind: 'ktp',
      fileName: 'x.exe',
      mime: 'application/x-msdownload' as 'image/png',
      contentBase64: 'TVo=',
    })
    expect(await apiCode(exe)).toBe('VALIDATION')
    // Declared as a PNG, but it is not one.
    const fake = owner.customers.attach.mutate({
      customerId: customer.id,
      kind: 'ktp',
      fileName: 'ktp.png',
      mime: 'image/png',
      contentBase64: 'TVqQAAMAAAAEAAAA',
    })
    expect(await apiCode(fake)).toBe('VALIDATION')
  })

  it('the rules for new services are validated field by field; nothing is reset by omission', async () => {
    const settings = owner.company.updateCustomerSettings
    expect(await apiCode(settings.mutate({} as never))).toBe('VALIDATION')
    const bad = (over: object) =>
      settings.mutate({
        sidPattern: 'SID{000000}',
        pppoeUsernameRule: '{kode}',
        pppoePasswordLength: 8,
        ...over,
      })
    expect(await apiCode(bad({ sidPattern: '{AREA}{0000}' }))).toBe('VALIDATION')
    expect(await apiCode(bad({ pppoeUsernameRule: 'pelanggan {kode}' }))).toBe('VALIDATION')
    expect(await apiCode(bad({ pppoeUsernameRule: '{nama}' }))).toBe('VALIDATION')
    expect(await bad({ sidPattern: 'NJ-{0000}', pppoeUsernameRule: '{nama}.{sid}' })).toMatchObject(
      { sidPattern: 'NJ-{0000}' },
    )
    expect(await owner.company.customerSettings.query()).toEqual({
      sidPattern: 'NJ-{0000}',
      pppoeUsernameRule: '{nama}.{sid}',
      pppoePasswordLength: 8,
    })
  })
})
