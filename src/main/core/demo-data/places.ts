import type { Random } from './random'

/**
 * The coverage of a demo RT/RW-NET on the Bogor–Depok fringe: a kecamatan per area, with its real
 * villages, main roads and housing estates, so addresses read like the ones operators type.
 */
export interface DemoArea {
  code: string
  name: string
  /** Relative share of customers: coverage is never even. */
  weight: number
  /** Province + regency + district digits that open a NIK issued there (Kab. Bogor is 3201). */
  region: string
  /** Tax office (KPP) digits of an NPWP registered there. */
  taxOffice: string
  villages: readonly string[]
  /** 'Jl. Raya Bogor Km 42-48': a road where addresses are given by kilometre post. */
  roads: readonly string[]
  estates: readonly string[]
}

const list = (text: string): readonly string[] => text.split(', ')

export const DEMO_AREAS: readonly DemoArea[] = [
  {
    code: 'CBG01',
    name: 'Cibinong',
    weight: 30,
    region: '320101',
    taxOffice: '436',
    villages: list(
      'Pakansari, Tengah, Pabuaran, Sukahati, Cirimekar, Ciriung, Nanggewer, Pondok Rajeg, Harapan Jaya, Karadenan',
    ),
    roads: list(
      'Jl. Raya Bogor Km 42-48, Jl. Mayor Oking, Jl. Tegar Beriman, Jl. Raya Pakansari, Jl. SKB, Jl. Raya Pemda',
    ),
    estates: list(
      'Griya Asri, Bumi Cibinong Endah, Puri Nirwana, Villa Indah Pakansari, Griya Cibinong Indah',
    ),
  },
  {
    code: 'BJG02',
    name: 'Bojonggede',
    weight: 24,
    region: '320113',
    taxOffice: '436',
    villages: list(
      'Bojong Baru, Rawa Panjang, Pabuaran, Ragajaya, Kedung Waringin, Waringin Jaya, Susukan, Cimanggis, Kemuning',
    ),
    roads: list(
      'Jl. Raya Bojonggede, Jl. Raya Tonjong, Jl. Raya Kemuning, Jl. Raya Citayam, Jl. Raya Bojonggede-Kemang',
    ),
    estates: list(
      'Bumi Citayam Permai, Pesona Bojonggede, Griya Asri, Bojong Depok Baru, Villa Pabuaran Indah',
    ),
  },
  {
    code: 'CLG03',
    name: 'Citeureup',
    weight: 16,
    region: '320103',
    taxOffice: '436',
    villages: list(
      'Puspanegara, Puspasari, Karang Asem Barat, Karang Asem Timur, Tarikolot, Gunung Sari, Sanja, Tajur, Leuwinutug',
    ),
    roads: list(
      'Jl. Mayor Oking Jayaatmaja, Jl. Raya Citeureup, Jl. Raya Tajur, Jl. Karang Asem Raya, Jl. Raya Pasir Mukti',
    ),
    estates: list('Puspa Indah, Citeureup Permai, Griya Tajur Asri, Taman Puspanegara'),
  },
  {
    code: 'GNP04',
    name: 'Gunung Putri',
    weight: 13,
    region: '320102',
    taxOffice: '436',
    villages: list(
      'Wanaherang, Bojong Kulur, Ciangsana, Bojong Nangka, Tlajung Udik, Cicadas, Cikeas Udik, Nagrak, Karanggan',
    ),
    roads: list(
      'Jl. Raya Gunung Putri, Jl. Raya Mercedes Benz, Jl. Raya Wanaherang, Jl. Raya Bojong Kulur, Jl. Raya Cikeas',
    ),
    estates: list('Villa Nusa Indah, Griya Bukit Jaya, Bumi Mutiara, Puri Harmoni'),
  },
  {
    code: 'SWG05',
    name: 'Sawangan',
    weight: 10,
    region: '327603',
    taxOffice: '412',
    villages: list(
      'Sawangan Baru, Sawangan Lama, Pengasinan, Bedahan, Pasir Putih, Cinangka, Kedaung',
    ),
    roads: list(
      'Jl. Raya Sawangan, Jl. Raya Muchtar, Jl. Abdul Wahab, Jl. Raya Pengasinan, Jl. Raya Cinangka',
    ),
    estates: list('Bukit Sawangan Indah, Sawangan Permai, Griya Pengasinan Asri, Pesona Cinangka'),
  },
  {
    code: 'CLS06',
    name: 'Cileungsi',
    weight: 7,
    region: '320107',
    taxOffice: '436',
    villages: list(
      'Cileungsi Kidul, Limus Nunggal, Mampir, Dayeuh, Jatisari, Gandoang, Pasir Angin, Cipenjo, Setu Sari',
    ),
    roads: list(
      'Jl. Raya Narogong Km 20-24, Jl. Raya Cileungsi-Jonggol Km 1-5, Jl. Transyogi, Jl. Raya Setu',
    ),
    estates: list('Metland Transyogi, Citra Indah City, Taman Cileungsi, Griya Cileungsi Asri'),
  },
]

/** NIKs issued elsewhere: people move in from Jakarta, Depok and their home towns. */
export const OTHER_REGIONS = list(
  '317405, 317504, 327601, 320104, 320110, 337402, 357801, 320501, 327104',
)

const LANES = list(
  'Gg. Masjid, Gg. Haji Naim, Gg. Mawar, Gg. Melati, Gg. Kenanga, Gg. Kelapa, Gg. Swadaya, Gg. Damai, Gg. Manggis, Gg. Haji Dul, Gg. Musholla, Gg. Sawo',
)
const KAMPUNGS = list(
  'Kp. Sawah, Kp. Babakan, Kp. Pabuaran, Kp. Kebon Kopi, Kp. Bojong, Kp. Pulo, Kp. Cikaret, Kp. Lebak, Kp. Tengah, Kp. Kandang, Kp. Bulak, Kp. Rawa, Kp. Pasir, Kp. Cibeureum',
)

const two = (n: number) => String(n).padStart(2, '0')
const rtRw = (rng: Random) => `RT ${two(rng.int(1, 12))}/RW ${two(rng.int(1, 15))}`
const block = (rng: Random) =>
  `Blok ${rng.pick(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])}${rng.chance(0.5) ? rng.int(1, 9) : ''} No. ${rng.int(1, 30)}`

function place(rng: Random, area: DemoArea): string {
  return rng.chance(0.7) ? `${rng.pick(area.villages)}, ${area.name}` : area.name
}

function roadAddress(rng: Random, area: DemoArea): string {
  const road = rng.pick(area.roads)
  const km = / Km (\d+)-(\d+)$/.exec(road)
  const where = km ? `Km ${rng.int(Number(km[1]), Number(km[2]))}` : `No. ${rng.int(1, 150)}`
  return `${km ? road.slice(0, km.index) : road} ${where} ${rtRw(rng)}, ${place(rng, area)}`
}

export function homeAddress(rng: Random, area: DemoArea): string {
  const kind = rng.next()
  if (kind < 0.3) return roadAddress(rng, area)
  if (kind < 0.65) return `Perum ${rng.pick(area.estates)} ${block(rng)}, ${place(rng, area)}`
  if (kind < 0.88) return `${rng.pick(KAMPUNGS)} ${rtRw(rng)}, ${place(rng, area)}`
  return `${rng.pick(LANES)} No. ${rng.int(1, 40)} ${rtRw(rng)}, ${place(rng, area)}`
}

export function businessAddress(rng: Random, area: DemoArea): string {
  if (rng.chance(0.3)) return `Ruko ${rng.pick(area.villages)} ${block(rng)}, ${area.name}`
  return roadAddress(rng, area)
}
