import type { CustomerCategory } from '@shared/catalog'
import type { ProductImportRow } from '@shared/schemas/imports'
import { type Random, weighted } from './random'

/**
 * A typical RT/RW-NET price list: prepaid home PPPoE packages, postpaid business and dedicated
 * lines, a hotspot voucher-style monthly plan and cable TV for the operators that also run it.
 */
export const DEMO_PRODUCTS: readonly ProductImportRow[] = [
  home('Rumah 10 Mbps', 10, 150_000, 'Cocok untuk 3–5 perangkat. Tanpa FUP.'),
  home('Rumah 20 Mbps', 20, 200_000, 'Paket terlaris, untuk 5–8 perangkat. Tanpa FUP.'),
  home('Rumah 30 Mbps', 30, 250_000, 'Untuk keluarga dengan streaming dan belajar daring.'),
  home('Rumah 50 Mbps', 50, 350_000, 'Gratis router dual-band.'),
  business('Bisnis 50 Mbps', 50, 750_000, 'Penanganan gangguan prioritas 1×24 jam.'),
  business('Bisnis 100 Mbps', 100, 1_500_000, 'Penanganan gangguan prioritas 1×24 jam.'),
  {
    name: 'Hotspot Bulanan 5 Mbps',
    serviceType: 'hotspot',
    monthlyPrice: 75_000,
    prepaid: true,
    downloadMbps: 5,
    uploadMbps: 2,
    routerProfile: 'HS-5M',
    dataCapGb: 60,
    notes: 'FUP 60 GB per bulan, setelah itu 1 Mbps. Satu perangkat.',
  },
  {
    name: 'TV Kabel Basic',
    serviceType: 'cable_tv',
    monthlyPrice: 60_000,
    prepaid: true,
    downloadMbps: null,
    uploadMbps: null,
    routerProfile: null,
    dataCapGb: null,
    notes: '60 saluran nasional dan lokal, satu titik TV.',
  },
  {
    name: 'IP Statis 20 Mbps',
    serviceType: 'static_ip',
    monthlyPrice: 500_000,
    prepaid: false,
    downloadMbps: 20,
    uploadMbps: 20,
    routerProfile: '20M-STATIC',
    dataCapGb: null,
    notes: 'Satu IP publik lewat NAT 1:1, untuk CCTV dan server kecil.',
  },
  {
    name: 'Dedicated 100 Mbps',
    serviceType: 'dedicated',
    monthlyPrice: 7_500_000,
    prepaid: false,
    downloadMbps: 100,
    uploadMbps: 100,
    routerProfile: 'DED-100M',
    dataCapGb: null,
    notes: 'Rasio 1:1, SLA 99,5%, /29 IP publik.',
  },
]

export const DEMO_PRODUCT_NAMES: readonly string[] = DEMO_PRODUCTS.map((p) => p.name)

function home(name: string, mbps: number, monthlyPrice: number, notes: string): ProductImportRow {
  return {
    name,
    serviceType: 'pppoe',
    monthlyPrice,
    prepaid: true,
    downloadMbps: mbps,
    uploadMbps: mbps,
    routerProfile: `${mbps}M`,
    dataCapGb: null,
    notes,
  }
}

function business(
  name: string,
  mbps: number,
  monthlyPrice: number,
  notes: string,
): ProductImportRow {
  return {
    name,
    serviceType: 'pppoe',
    monthlyPrice,
    prepaid: false,
    downloadMbps: mbps,
    uploadMbps: mbps,
    routerProfile: `${mbps}M-BIZ`,
    dataCapGb: null,
    notes,
  }
}

const byName = new Map(DEMO_PRODUCTS.map((p) => [p.name, p]))
const product = (name: string): ProductImportRow => {
  const found = byName.get(name)
  if (!found) throw new Error(`unknown demo product ${name}`)
  return found
}

/** Most homes take the two cheapest packages; shops mix business and home packages. */
const MIX: Record<CustomerCategory, (rng: Random) => ProductImportRow> = {
  rumah: weighted([
    [product('Rumah 10 Mbps'), 40],
    [product('Rumah 20 Mbps'), 31],
    [product('Rumah 30 Mbps'), 11],
    [product('Rumah 50 Mbps'), 5],
    [product('Hotspot Bulanan 5 Mbps'), 6],
    [product('TV Kabel Basic'), 7],
  ]),
  bisnis: weighted([
    [product('Bisnis 50 Mbps'), 40],
    [product('Bisnis 100 Mbps'), 15],
    [product('IP Statis 20 Mbps'), 18],
    [product('Rumah 20 Mbps'), 15],
    [product('Rumah 30 Mbps'), 12],
  ]),
  corporate: weighted([
    [product('Dedicated 100 Mbps'), 50],
    [product('Bisnis 100 Mbps'), 30],
    [product('IP Statis 20 Mbps'), 20],
  ]),
}

export function pickProduct(rng: Random, category: CustomerCategory): ProductImportRow {
  return MIX[category](rng)
}
