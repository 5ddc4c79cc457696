import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_COLLECTION_SETTINGS } from '@shared/schemas'
import { OWNER, setupCompany, startTestHost, type TestHost } from '../helpers/http-host'

/**
 * "Selamat datang" over the real HTTP API: sent when a customer's first service becomes active,
 * once per customer, with the service's login. No channel is set up here, so each message is
 * recorded as skipped (no_channel) with its full text: what would have gone out.
 */
let host: TestHost
let owner: ReturnType<TestHost['client']>
let area: { id: number }
let product: { id: number }
beforeEach(async () => {
  host = await startTestHost()
  await setupCompany(host)
  owner = host.client((await host.client().auth.login.mutate(OWNER)).token)
  area = await owner.catalog.createArea.mutate({ code: 'CBG01', name: 'Cibinong' })
  product = await owner.catalog.createProduct.mutate({
    name: 'Rumah 10 Mbps',
    serviceType: 'pppoe',
    monthlyPrice: 150_000,
    downloadMbps: 10,
    uploadMbps: 10,
  })
})
afterEach(async () => {
  await host.stop()
})

const welcomes = () =>
  host.services.db
    .selectFrom('messages')
    .select(['customer_id', 'body', 'dedupe_key', 'ref_id'])
    .where('kind', '=', 'welcome')
    .orderBy('id')
    .execute()
const customer = (name: string) =>
  owner.customers.create.mutate({ areaId: area.id, name, phone: '0812-3456-7890' })
const service = (customerId: number, status: 'aktif' | 'registrasi', login: string) =>
  owner.customers.addService.mutate({
    customerId,
    productId: product.id,
    status,
    pppoeUsername: login,
    pppoePassword: `pw-${login}`,
  })
const setStatus = (serviceId: number, status: 'aktif' | 'survei' | 'isolir') =>
  owner.customers.changeStatus.mutate({ serviceId, status, reason: 'uji' })

describe('the welcome message', () => {
  it("goes when a customer's first service is created active, with the login, and never twice", async () => {
    const budi = await customer('Budi Santoso')
    const first = await service(budi.id, 'aktif', 'budi')
    await service(budi.id, 'aktif', 'budi-kantor')
    const sent = await welcomes()
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      customer_id: budi.id,
      dedupe_key: `welcome:${budi.id}`,
      ref_id: first.id,
    })
    // The password is sealed at rest; the message carries it opened. No portal is promised.
    expect(sent[0]!.body).toContain('Kode pelanggan: CBG01-0001')
    expect(sent[0]!.body).toContain('Paket: Rumah 10 Mbps')
    expect(sent[0]!.body).toContain('Username: budi\nPassword: pw-budi')
    expect(sent[0]!.body).not.toMatch(/portal/i)
  })

  it('goes when a registration becomes active, not on a later restore from isolir', async () => {
    const siti = await customer('Siti Rahma')
    const s = await service(siti.id, 'registrasi', 'siti')
    await setStatus(s.id, 'survei')
    expect(await welcomes()).toEqual([])
    await setStatus(s.id, 'aktif')
    expect(await welcomes()).toHaveLength(1)
    await setStatus(s.id, 'isolir')
    await setStatus(s.id, 'aktif')
    expect(await welcomes()).toHaveLength(1)
  })

  it('a customer already connected before is not welcomed by a restore, even with none sent', async () => {
    await owner.collections.setSettings.mutate({
      ...DEFAULT_COLLECTION_SETTINGS,
      sendWelcome: false,
    })
    const lama = await customer('Pelanggan Lama')
    const s = await service(lama.id, 'aktif', 'lama')
    await owner.collections.setSettings.mutate(DEFAULT_COLLECTION_SETTINGS)
    await setStatus(s.id, 'isolir')
    await setStatus(s.id, 'aktif')
    // A second line of a connected customer is not a first activation either.
    await service(lama.id, 'aktif', 'lama-2')
    expect(await welcomes()).toEqual([])
  })

  it('goes for each active customer of a spreadsheet import, not for registrations', async () => {
    const csv =
      'nama;telepon;area;paket;status;username_pppoe;password_pppoe\n' +
      'Dewi;081211110001;CBG01;Rumah 10 Mbps;aktif;dewi;rahasia-dewi\n' +
      'Eko;081211110002;CBG01;Rumah 10 Mbps;registrasi;;\n'
    await owner.imports.commit.mutate({
      fileName: 'pelanggan.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
      kind: 'customers',
    })
    const sent = await welcomes()
    expect(sent).toHaveLength(1)
    expect(sent[0]!.body).toContain('Halo Dewi')
    expect(sent[0]!.body).toContain('Password: rahasia-dewi')
  })
})
