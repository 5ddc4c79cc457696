/** Indonesian texts of the help centre (Bantuan); `en-help.ts` has the same keys. */
export const idHelp = {
  help: {
    title: 'Bantuan',
    intro:
      'Panduan singkat untuk setiap pekerjaan di Loket, ditulis untuk layar dan tombol yang Anda lihat.',
    search: 'Cari artikel',
    searchPlaceholder: 'mis. isolir, kasir, backup',
    empty: 'Tidak ada artikel yang cocok',
    emptyHint: 'Coba kata lain, misalnya nama menu atau tombolnya.',
    found: '{{n}} artikel cocok',
    back: 'Semua artikel bantuan',
    notFound: 'Artikel tidak ditemukan',
    notFoundHint: 'Artikel ini tidak ada atau sudah berganti nama.',
    forPage: 'Bantuan untuk halaman ini',
  },
}
