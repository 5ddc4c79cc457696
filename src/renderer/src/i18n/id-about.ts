/** Indonesian texts of "Tentang Loket" and of a new version; `en-about.ts` has the same keys. */
export const idAbout = {
  about: {
    menu: 'Tentang Loket',
    title: 'Tentang Loket',
    intro: 'Versi aplikasi, database yang dipakai, dan apa yang berubah di setiap versi.',
    details: 'Aplikasi dan database',
    version: 'Versi',
    engine: 'Mesin database',
    schema: 'Versi skema',
    schemaNone: 'Belum ada migrasi',
    dataDir: 'Folder data',
    dataDirNone: 'Tidak diketahui',
    notes: 'Catatan rilis',
    notesEmpty: 'Versi ini tidak membawa catatan rilis (berkas CHANGELOG.md tidak ada).',
    update: {
      title: 'Pembaruan',
      lanOnly:
        'Pembaruan dipasang dari aplikasi desktop. Versi baru diterbitkan di host dengan "updates publish", lalu setiap desktop memeriksanya saat dibuka dan setiap hari.',
      current: 'Loket sudah versi terbaru.',
      checking: 'Memeriksa versi baru di host…',
      downloading: 'Versi {{version}} sedang diunduh dari host.',
      failed: 'Host belum bisa diperiksa. Loket mencoba lagi besok. ({{reason}})',
      available: 'Versi baru tersedia: {{version}}',
      readyIntro: 'Versi {{version}} sudah diunduh. Pasang sekarang atau saat Loket dibuka lagi.',
      agreed: 'Versi {{version}} akan dipasang saat Loket ditutup dan dibuka lagi.',
      waiting: 'Menunggu transaksi yang sedang berjalan selesai sebelum memulai ulang…',
      agree: 'Pasang saat Loket dibuka lagi',
      restart: 'Mulai ulang dan pasang sekarang',
      restartTitle: 'Mulai ulang Loket sekarang?',
      restartIntro:
        'Loket menunggu pembayaran dan perubahan yang sedang disimpan selesai, lalu menutup, memasang versi {{version}}, dan membuka lagi. PC lain di jaringan terputus sebentar selama host dimulai ulang.',
      restartConfirm: 'Mulai ulang',
      banner: 'Versi baru tersedia: Loket {{version}}.',
      bannerLink: 'Lihat catatan rilis',
    },
  },
}
