import { AREA_COLUMNS, CUSTOMER_COLUMNS, PRODUCT_COLUMNS, type CustomerField } from './columns'

/**
 * What the downloadable templates hold: the documented headers, examples an admin recognises
 * (a Cibogo household and a warung on one 10 Mbps package) and the Petunjuk sheet's explanations.
 * Example rows are texts as a person types them; the xlsx writer turns dates and prices into
 * real Excel values.
 */
export const CUSTOMER_HEADERS = CUSTOMER_COLUMNS.map((c) => c.field)
export const AREA_HEADERS = AREA_COLUMNS.map((c) => c.field)
export const PRODUCT_HEADERS = PRODUCT_COLUMNS.map((c) => c.field)

export const CUSTOMER_EXAMPLES: string[][] = [
  [
    'CBG01-0001',
    'Budi Santoso',
    '0812-3456-7890',
    'budi.santoso@gmail.com',
    'Jl. Melati No. 12, RT 03/RW 05, Cibogo',
    'CBG01',
    'rumah',
    '3201011203850001',
    '',
    'Rumah 10 Mbps',
    '',
    '2024-03-15',
    '5',
    'aktif',
    'budi.santoso',
    'melati12',
    '',
    '',
    'Rumah cat hijau, depan musala',
  ],
  [
    '',
    'Siti Rahmawati',
    '+62 813-1122-3344',
    '',
    'Jl. Raya Cibogo No. 45 (Warung Bu Siti)',
    'CBG01',
    'bisnis',
    '',
    '01.234.567.8-901.000',
    'Rumah 10 Mbps',
    '135000',
    '2024-06-01',
    'aktivasi',
    'aktif',
    'warung.siti',
    'cibogo45',
    '',
    '',
    'Harga khusus warga RT 02',
  ],
]

export const AREA_EXAMPLES: string[][] = [
  ['CBG01', 'Cibogo'],
  ['BJG02', 'Bojong Gede'],
]

export const PRODUCT_EXAMPLES: string[][] = [
  ['Rumah 10 Mbps', 'pppoe', '150000', 'tidak', '10', '10', 'rumah-10m', '', ''],
  ['Rumah 20 Mbps', 'pppoe', '200000', 'tidak', '20', '20', 'rumah-20m', '', ''],
  ['Bisnis 50 Mbps', 'pppoe', '450000', 'tidak', '50', '50', 'bisnis-50m', '', 'Prioritas teknisi'],
]

/** Columns whose digits Excel would mangle as numbers (leading 0, 16-digit NIK): kept as text. */
export const TEXT_COLUMNS = new Set([
  'kode',
  'telepon',
  'nik',
  'npwp',
  'username_pppoe',
  'password_pppoe',
  'ip_statis',
])
export const DATE_COLUMNS = new Set(['tanggal_aktif'])
export const MONEY_COLUMNS = new Set(['harga'])

/** The Petunjuk sheet: one line per customer column, in the template's order. */
export const CUSTOMER_GUIDE: Record<CustomerField, [required: boolean, text: string]> = {
  kode: [
    false,
    'Kode pelanggan, mis. CBG01-0001. Kosongkan agar Loket membuat kode dari pola area.',
  ],
  nama: [true, 'Nama lengkap pelanggan atau nama usaha.'],
  telepon: [false, 'Nomor HP/WhatsApp. Boleh 0812-…, +62 812… atau 62812…; disimpan sebagai 62….'],
  email: [false, 'Alamat email, untuk kirim tagihan lewat email.'],
  alamat: [false, 'Alamat pemasangan: jalan, nomor, RT/RW, patokan.'],
  area: [true, 'Kode area, mis. CBG01. Area harus sudah ada di Loket (atau ada di sheet Area).'],
  kategori: [false, 'rumah, bisnis atau corporate. Kosong berarti rumah.'],
  nik: [false, 'NIK KTP, 16 angka. Kolom ini berformat teks agar angka tidak berubah.'],
  npwp: [false, 'NPWP, 15 atau 16 angka; titik dan strip boleh ditulis.'],
  paket: [true, 'Nama paket persis seperti di Loket, mis. Rumah 10 Mbps.'],
  harga: [
    false,
    'Harga khusus per bulan dalam rupiah, mis. 135000. Kosongkan untuk memakai harga paket.',
  ],
  tanggal_aktif: [
    false,
    'Tanggal mulai berlangganan: 15/03/2024 (hari/bulan/tahun) atau 2024-03-15.',
  ],
  jadwal_tagihan: [
    false,
    'Tanggal tagihan tiap bulan (1–28), atau "aktivasi" untuk mengikuti tanggal aktif.',
  ],
  status: [false, 'registrasi, survei, instalasi, aktif, isolir, putus atau in_progress.'],
  username_pppoe: [
    false,
    'Username PPPoE di router, tanpa spasi; tidak boleh sama dengan pelanggan lain.',
  ],
  password_pppoe: [false, 'Password PPPoE di router.'],
  ip_statis: [false, 'IP statis pelanggan bila ada, mis. 192.168.10.25.'],
  router: [
    false,
    'Nama router (MikroTik) tempat layanan ini, persis seperti di Jaringan → Router. Boleh kosong bila hanya ada satu router; dengan beberapa router, yang kosong ditanyakan per area saat pratinjau.',
  ],
  catatan: [false, 'Catatan bebas untuk admin dan teknisi.'],
}

export const GUIDE_INTRO = [
  'Cara mengisi: satu baris untuk satu pelanggan. Jangan ubah judul kolom di baris pertama.',
  'Dua baris contoh boleh dihapus atau ditimpa. Kolom bertanda "Wajib" harus diisi.',
  'Area dan paket harus sudah ada di Loket sebelum pelanggan diimpor.',
]
