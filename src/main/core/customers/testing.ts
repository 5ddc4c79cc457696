import { createArea, createProduct } from '../catalog'
import { companyFixture } from '../testing'

/** A company with areas CBG01/BJG02 and two home packages, for customer tests. */
export async function catalogFixture() {
  const f = await companyFixture()
  const actor = {
    companyId: f.companyId,
    userId: f.ownerId,
    username: 'owner',
    ip: '192.0.2.1',
    userAgent: 'test',
  }
  const cbg = await createArea(f.deps, actor, {
    code: 'CBG01',
    name: 'Cibinong',
    codePattern: '{AREA}-{0000}',
  })
  const bjg = await createArea(f.deps, actor, {
    code: 'BJG02',
    name: 'Bojonggede',
    codePattern: '{AREA}-{0000}',
  })
  const product = (name: string, price: number, mbps: number) =>
    createProduct(
      f.deps,
      actor,
      {
        name,
        serviceType: 'pppoe',
        monthlyPrice: price,
        billingMode: 'prepaid',
        downloadMbps: mbps,
        uploadMbps: mbps,
        routerProfile: `${mbps}M`,
        dataCapGb: null,
        fupNote: null,
        taxable: false,
      },
      'Asia/Jakarta',
    )
  const p10 = await product('Rumah 10 Mbps', 150_000, 10)
  const p20 = await product('Rumah 20 Mbps', 200_000, 20)
  return { ...f, actor, cbg, bjg, p10, p20, tz: 'Asia/Jakarta' }
}

export const customerInput = (areaId: number, name: string, phone: string | null = null) => ({
  areaId,
  name,
  category: 'rumah' as const,
  nik: null,
  phone,
  whatsapp: null,
  email: null,
  address: 'Jl. Raya Bogor Km 45, Cibinong',
  latitude: null,
  longitude: null,
  npwp: null,
  accountManagerId: null,
  marketer: null,
  priceListId: null,
  notes: null,
})

export const serviceInput = (customerId: number, productId: number) => ({
  customerId,
  productId,
  status: 'aktif' as const,
  activationDate: '2026-01-17',
  billingSchedule: { kind: 'fixed' as const, day: 1 },
  priceOverride: null,
  priceReason: null,
  installationAddress: null,
  pppoeUsername: null,
  pppoePassword: null,
  staticIp: null,
  popId: null,
  routerId: null,
  notes: null,
})
