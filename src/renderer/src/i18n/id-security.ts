/**
 * Indonesian texts of sign-in security: the code step, Lupa kata sandi, Perangkat aktif and the
 * company's 2FA rule. Spread into `id.ts`; `en-security.ts` has the same keys.
 */
export const idSecurity = {
  otp: {
    title: 'Verifikasi dua langkah',
    sentTo: 'Kode 6 angka sudah dikirim ke WhatsApp {{to}}. Berlaku 10 menit.',
    code: 'Kode verifikasi',
    trust: 'Ingat perangkat ini 30 hari',
    trustHint:
      'Perangkat ini tidak diminta kode lagi selama 30 hari. Jangan centang di komputer umum.',
    submit: 'Verifikasi',
    resend: 'Kirim ulang kode',
    resendIn: 'Kirim ulang kode dalam {{seconds}} detik',
    resent: 'Kode baru sudah dikirim.',
    back: 'Kembali ke halaman masuk',
  },
  forgot: {
    link: 'Lupa kata sandi?',
    title: 'Lupa kata sandi',
    intro:
      'Masukkan nama pengguna Anda. Kami mengirim kode ke WhatsApp atau e-mail yang terdaftar di akun itu.',
    channel: 'Kirim kode lewat',
    channelHint:
      'Jika cara ini tidak terdaftar di akun Anda, kode dikirim lewat cara lain yang terdaftar.',
    byWhatsapp: 'WhatsApp',
    byEmail: 'E-mail',
    send: 'Kirim kode',
    sent: 'Jika akun ada, kode dikirim ke WhatsApp atau e-mail yang terdaftar. Kode berlaku 10 menit.',
    noCode:
      'Kode tidak datang? Pastikan nama pengguna benar, tunggu sebentar lalu kirim ulang, atau minta Superadmin mereset kata sandi Anda.',
    newPassword: 'Kata sandi baru',
    confirm: 'Ulangi kata sandi baru',
    submit: 'Simpan kata sandi baru',
    done: 'Kata sandi sudah diganti. Semua sesi lama diakhiri; silakan masuk dengan kata sandi baru.',
    back: 'Kembali ke halaman masuk',
    restart: 'Ganti nama pengguna',
  },
  devices: {
    endedElsewhere: 'Sesi di perangkat ini diakhiri dari Perangkat aktif. Silakan masuk kembali.',
    title: 'Perangkat aktif',
    menu: 'Perangkat aktif',
    intro:
      'Tempat akun Anda sedang masuk. Akhiri sesi yang tidak Anda kenali; perangkat itu harus masuk lagi.',
    sessions: 'Sesi masuk',
    device: 'Perangkat',
    address: 'Alamat',
    started: 'Masuk',
    lastSeen: 'Terakhir aktif',
    thisDevice: 'Perangkat ini',
    deviceOn: '{{browser}} di {{os}}',
    end: 'Akhiri',
    endTitle: 'Akhiri sesi ini?',
    endBody:
      'Sesi di {{device}} ({{address}}) berakhir pada permintaan berikutnya. Perangkat itu harus masuk lagi.',
    ended: 'Sesi diakhiri.',
    endOthers: 'Akhiri semua sesi lain',
    endOthersTitle: 'Akhiri semua sesi lain?',
    endOthersBody: 'Semua sesi selain perangkat ini berakhir. Perangkat itu harus masuk lagi.',
    endAll: 'Akhiri semua sesi',
    endAllTitle: 'Akhiri semua sesi {{name}}?',
    endAllBody: 'Semua sesi {{name}} berakhir pada permintaan berikutnya; ia harus masuk lagi.',
    endedCount: '{{count}} sesi diakhiri.',
    noSessions: 'Tidak ada sesi aktif.',
    trusted: 'Perangkat tepercaya',
    trustedIntro: 'Perangkat yang boleh masuk tanpa kode verifikasi sampai tanggalnya.',
    until: 'Berlaku sampai',
    lastUsed: 'Terakhir dipakai',
    added: 'Ditambahkan',
    revoke: 'Cabut',
    revokeTitle: 'Cabut perangkat tepercaya ini?',
    revokeBody: '{{device}} akan diminta kode verifikasi lagi saat masuk berikutnya.',
    revoked: 'Perangkat tepercaya dicabut.',
    noTrusted: 'Belum ada perangkat tepercaya.',
    userTitle: 'Perangkat aktif — {{name}}',
    userAction: 'Perangkat aktif',
  },
  twoFactor: {
    badge: 'Wajib kode WA',
    badgeNoNumber: 'Kode WA: tanpa nomor',
    title: 'Keamanan masuk: verifikasi dua langkah',
    intro:
      'Setelah kata sandi benar, pengguna yang diwajibkan memasukkan kode 6 angka yang dikirim ke WhatsApp-nya.',
    mode: 'Wajib untuk',
    off: 'Tidak ada (mati)',
    roles: 'Peran terpilih',
    users: 'Pengguna terpilih',
    pickRoles: 'Peran',
    pickUsers: 'Pengguna',
    pickHint: 'Pilih minimal satu.',
    whatsappOff:
      'Saluran WhatsApp belum aktif. Aktifkan di Pesan → Saluran sebelum mewajibkan verifikasi dua langkah.',
    withoutNumber:
      'Pengguna berikut wajib verifikasi tetapi belum punya nomor WhatsApp, sehingga tidak bisa masuk: {{names}}. Isi nomornya di halaman Pengguna.',
    superadminOnly: 'Hanya Superadmin yang dapat mengubah aturan ini.',
    saved: 'Aturan verifikasi dua langkah tersimpan.',
  },
}
