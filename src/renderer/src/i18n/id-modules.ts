/**
 * Indonesian texts of the module switches (Pengaturan → Modul) and of a page of a module that is
 * off; `en-modules.ts` has the same keys. Module names and descriptions are in src/shared/modules.
 */
export const idModules = {
  modules: {
    title: 'Modul',
    intro:
      'Nyalakan hanya fitur yang dipakai kantor Anda. Modul yang dimatikan hilang dari menu; datanya tetap disimpan.',
    on: 'Menyala',
    off: 'Mati',
    ownerOnly: 'Hanya pemilik (superadmin) yang dapat menyalakan atau mematikan modul.',
    offTitle: 'Matikan modul {{name}}?',
    offBody: 'Data tetap disimpan; menu dan fiturnya disembunyikan untuk semua pengguna.',
    offHint: 'Nyalakan lagi kapan saja: semua data modul ini muncul kembali.',
    offConfirm: 'Matikan',
    savedOn: 'Modul {{name}} dinyalakan.',
    savedOff: 'Modul {{name}} dimatikan.',
    disabledTitle: 'Modul {{name}} dimatikan',
    disabledBody: 'Fitur ini sedang tidak dipakai di perusahaan Anda. Datanya tetap tersimpan.',
    disabledHintOwner: 'Anda dapat menyalakannya kembali di Pengaturan → Modul.',
    disabledHint: 'Minta pemilik untuk menyalakannya di Pengaturan → Modul bila dibutuhkan.',
    openSettings: 'Buka Pengaturan → Modul',
    reportsHidden:
      'Laporan analisis (tren, pendapatan per paket, jumlah pelanggan, daftar tagihan) ada di modul Laporan lanjutan, yang sedang dimatikan.',
    ticketReportsHidden: 'Laporan tiket ada di modul Tiket, yang sedang dimatikan.',
  },
}
