import { type Random, weighted } from './random'

/**
 * Names the way they appear on an RT/RW-NET's customer list around Bogor: mostly Sundanese,
 * Javanese and Betawi, plenty of Arabic-derived names, some Batak, Manado and Ambon Christians and
 * Chinese-Indonesians. Many people have a single name (Sutrisno), a few carry the hajj title.
 */
export type Gender = 'male' | 'female'

interface NameGroup {
  male: readonly string[]
  female: readonly string[]
  /** Second names; `familyFemale` replaces it for women where the name is gendered. */
  family: readonly string[]
  familyFemale?: readonly string[]
  singleRate: number
  hajjRate: number
  /** How neighbours address a shopkeeper of this group: [man, woman]. */
  honorific: readonly [string, string]
}

const w = (text: string): readonly string[] => text.split(' ')

const GROUPS: Record<string, NameGroup> = {
  sundanese: {
    honorific: ['Mang', 'Teh'],
    male: w(
      'Asep Dadang Cecep Deden Yayat Ade Iwan Dede Agus Ujang Engkos Dodi Yana Jajang Ryan Rizal Ajat Usep Hendi',
    ),
    female: w(
      'Euis Neneng Imas Cucu Enok Yanti Lilis Nining Tati Ai Eneng Iis Dewi Rina Nunung Teti Yuyun Cicih',
    ),
    family: w(
      'Sunarya Hermawan Permana Sopandi Sudrajat Suherman Kusnadi Gunawan Rukmana Supriatna Mulyana Ruhiyat Somantri Hidayat Setiadi Saepudin',
    ),
    familyFemale: w(
      'Nurhayati Rohaeti Komalasari Mulyani Rosmiati Sulastri Kurniasih Rahmawati Sumiati Nuraeni',
    ),
    singleRate: 0.14,
    hajjRate: 0.03,
  },
  javanese: {
    honorific: ['Pak', 'Bu'],
    male: w(
      'Budi Agus Slamet Bambang Joko Wahyu Eko Dwi Tri Hadi Sugeng Heru Yudi Teguh Bayu Adi Rudi Dimas Aji Gilang Bagus Wawan',
    ),
    female: w(
      'Sri Siti Endang Wulan Rini Dewi Ayu Yuni Puji Tutik Wiwik Sari Ratna Retno Dwi Tri Lestari Ning',
    ),
    family: w(
      'Santoso Setiawan Prasetyo Wibowo Susanto Nugroho Kurniawan Saputra Pratama Wijaya Purnomo Suryadi Widodo Sutanto Utomo Hartanto',
    ),
    familyFemale: w(
      'Handayani Rahayu Lestari Wulandari Susanti Kusumawati Purwanti Wahyuni Astuti Suryani Ningsih Setyowati',
    ),
    singleRate: 0.12,
    hajjRate: 0.02,
  },
  javaneseSingle: {
    honorific: ['Mbah', 'Mbok'],
    male: w(
      'Sutrisno Suparman Sukardi Sumarno Paijo Sugiyono Tukiman Darmono Parno Sarmin Wagiman Karyono Suyatno Mulyono Sukirno Paimin Suroto Jumadi Sudarsono Waluyo Kasiman Supardi',
    ),
    female: w(
      'Sukarti Sulastri Suwarni Painem Sumiyati Tuminah Sarinah Ngatini Partini Suparmi Sumarni Tukinah Rubiyem Sutinah Warsini Kasmini Jumiati Parmi',
    ),
    family: [],
    singleRate: 1,
    hajjRate: 0.03,
  },
  betawi: {
    honorific: ['Bang', 'Mpok'],
    male: w(
      'Rohman Jaenal Mamat Sarmili Udin Mansyur Rojali Sanusi Jaenudin Romli Mursid Sueb Bahrudin Samsudin',
    ),
    female: w('Fatimah Aminah Rohimah Juleha Munah Mariam Zubaedah Saodah Rohayah Masitoh'),
    family: w('Syafii Jayadi Fadillah Sulaiman Ismail Abdullah Bakri Saleh Marzuki Usman'),
    singleRate: 0.3,
    hajjRate: 0.06,
  },
  muslim: {
    honorific: ['Pak', 'Bu'],
    male: w(
      'Muhammad Ahmad Abdul Rizky Fajar Ilham Arif Hasan Ridwan Fauzi Yusuf Irfan Hendra Iqbal Ikhsan Reza Hafiz Farhan Rafi',
    ),
    female: w(
      'Nur Fitri Aisyah Nurul Siti Annisa Zahra Indah Rina Putri Laila Nabila Salsabila Khadijah Rahma Safitri',
    ),
    family: w(
      'Hidayat Ramadhan Firmansyah Maulana Syahputra Hakim Nurdin Rahman Hasibuan Lubis Nasution Harahap Siregar Akbar Fadli Rosyid',
    ),
    familyFemale: w(
      'Rahmawati Ramadhani Amalia Maharani Fauziah Hasanah Nurjanah Khairunnisa Syafitri Aulia Lubis Nasution',
    ),
    singleRate: 0.04,
    hajjRate: 0.04,
  },
  christian: {
    honorific: ['Pak', 'Bu'],
    male: w(
      'Yohanes Petrus Markus Stefanus Daniel Yosua Michael Andreas Fransiskus Antonius Robert Benny Hendrik Samuel',
    ),
    female: w(
      'Maria Yohana Theresia Magdalena Agnes Veronika Elisabeth Natalia Debora Ruth Grace Christina Martha',
    ),
    family: w(
      'Simanjuntak Sitompul Manurung Pardede Sihombing Tambunan Lumbantobing Sinaga Wenas Rumondor Lumintang Pattinama Manuputty Silalahi Hutapea',
    ),
    singleRate: 0.02,
    hajjRate: 0,
  },
  chinese: {
    honorific: ['Koh', 'Cik'],
    male: w(
      'Hendra Budi Sugianto Kevin Steven Felix Andi Ivan Vincent Hartono Rudy Johan William Surya',
    ),
    female: w('Lina Yenny Meiliana Susan Jessica Cynthia Angela Vivian Lili Monica Stefani Sherly'),
    family: w(
      'Tanoto Halim Salim Wijaya Gunawan Tanjaya Sutanto Hartono Lim Tan Liem Kusuma Setiadi Tjandra Wongso Winata Lie',
    ),
    singleRate: 0.03,
    hajjRate: 0,
  },
}

const pickGroup = weighted<NameGroup>([
  [GROUPS.sundanese!, 30],
  [GROUPS.javanese!, 21],
  [GROUPS.javaneseSingle!, 4],
  [GROUPS.muslim!, 20],
  [GROUPS.betawi!, 10],
  [GROUPS.christian!, 8],
  [GROUPS.chinese!, 7],
])

export interface Person {
  name: string
  gender: Gender
  /** Whole years on the `asOf` date; NIK birth dates and titles depend on it. */
  age: number
  /** The name without titles, as words: the username and e-mail are built from it. */
  words: string[]
  /** 'Mang', 'Mpok', 'Koh'…: for a shop named after its owner. */
  honorific: string
}

export function person(rng: Random): Person {
  const group = pickGroup(rng)
  const gender: Gender = rng.chance(0.55) ? 'male' : 'female'
  const given = gender === 'male' ? group.male : group.female
  const family = gender === 'female' ? (group.familyFemale ?? group.family) : group.family
  // Subscribers are household heads and shop owners: 20–67, most in their thirties to fifties.
  const age = 20 + Math.floor((rng.next() + rng.next()) * 24)
  const words = [rng.pick(given)]
  if (family.length > 0 && !rng.chance(group.singleRate)) {
    if (rng.chance(0.12)) {
      const middle = rng.pick(given)
      if (middle !== words[0]) words.push(middle)
    }
    const last = rng.pick(family)
    if (last !== words[words.length - 1]) words.push(last)
  }
  let name = words.join(' ')
  if (age >= 45 && rng.chance(group.hajjRate)) name = `${gender === 'male' ? 'H.' : 'Hj.'} ${name}`
  return { name, gender, age, words, honorific: group.honorific[gender === 'male' ? 0 : 1] }
}

const SHOP_KINDS = w(
  'Warung_Makan Toko_Bangunan Toko_Kelontong Bengkel_Motor Apotek Laundry Salon Konter Fotokopi Kedai_Kopi Rumah_Makan Minimarket Klinik Bimbel Percetakan Toko_Sembako Toko_Elektronik Catering Kos-kosan Toko_Kue',
).map((kind) => kind.replaceAll('_', ' '))
const SHOP_NAMES = w(
  'Sinar_Jaya Maju_Jaya Berkah Sejahtera Barokah Mandiri Abadi Sumber_Rejeki Harapan_Baru Cahaya Makmur Sentosa Lancar Mulia Amanah Putra Bersaudara Mekar Jaya_Abadi Bintang',
).map((name) => name.replaceAll('_', ' '))
const CV_FIRST = w('Maju Karya Sinar Tunas Mitra Bumi Anugerah Cipta Sumber Bintang Berkah Duta')
const CV_SECOND = w('Bersama Mandiri Abadi Jaya Sejati Persada Teknik Makmur Utama Sentosa')
const PT_FIRST = w(
  'Citra Mitra Sinar Prima Bina Karya Graha Cakra Surya Mega Global Indo Nusa Putra',
)
const PT_SECOND = w(
  'Data Niaga Logistik Medika Teknik Pangan Sarana Solusi Mandiri Konstruksi Media Plastik',
)
const PT_THIRD = w('Nusantara Indonesia Abadi Perkasa Utama Sentosa Lestari Persada Jaya Makmur')
const INSTITUTION_KINDS = w(
  'Yayasan_Pendidikan SMK SMP_Islam_Terpadu Koperasi_Karyawan Klinik_Utama Pondok_Pesantren Bimbel',
).map((n) => n.replaceAll('_', ' '))
const INSTITUTION_NAMES = w(
  'Al-Hikmah Bina_Mandiri Nurul_Fikri Sejahtera Medika_Utama Permata Al-Ikhlas Darul_Ulum Bakti_Nusantara Tunas_Bangsa',
).map((n) => n.replaceAll('_', ' '))

export interface Business {
  name: string
  /** The words the username and e-mail are built from ('Warung', 'Sri'; 'Sinar', 'Jaya'). */
  words: string[]
}

export function smallBusiness(rng: Random): Business {
  if (rng.chance(0.12)) {
    const words = [rng.pick(CV_FIRST), rng.pick(CV_SECOND)]
    return { name: `CV ${words.join(' ')}`, words }
  }
  const kind = rng.pick(SHOP_KINDS)
  if (rng.chance(0.35)) {
    const owner = person(rng)
    const first = owner.words[0] as string
    const generic = owner.gender === 'male' ? 'Pak' : 'Bu'
    const title = rng.chance(0.5) ? generic : owner.honorific
    return { name: `${kind} ${title} ${first}`, words: [kind.split(' ')[0] as string, first] }
  }
  const name = rng.pick(SHOP_NAMES)
  return { name: `${kind} ${name}`, words: name.split(' ') }
}

export function corporation(rng: Random): Business {
  if (rng.chance(0.2)) {
    const name = rng.pick(INSTITUTION_NAMES)
    return { name: `${rng.pick(INSTITUTION_KINDS)} ${name}`, words: name.split(' ') }
  }
  const words = [rng.pick(PT_FIRST), rng.pick(PT_SECOND), rng.pick(PT_THIRD)]
  return { name: `PT ${words.join(' ')}`, words }
}
