/**
 * Indonesian texts of the settings that decide how new services are numbered and log in
 * (company settings page). Spread into `id.ts`; `en-settings.ts` has the same keys.
 */
export const idSettings = {
  customerSettings: {
    title: 'Nomor layanan dan akun PPPoE',
    intro: 'Cara Loket membuat SID, username dan kata sandi PPPoE untuk layanan baru.',
    kept: 'Layanan yang sudah ada tetap memakai SID dan username PPPoE-nya. Perubahan hanya berlaku untuk layanan baru.',
    sidPattern: 'Pola SID',
    sidPatternHint:
      'Nomor urut ditulis sebagai angka nol di dalam kurung kurawal; banyaknya nol adalah jumlah digit. Contoh: SID{000000}.',
    sidExample: 'Contoh SID: {{example}}',
    usernameRule: 'Aturan username PPPoE',
    usernameRuleHint:
      '{kode} = kode pelanggan, {nama} = nama pelanggan (huruf kecil, spasi menjadi titik), {sid} = nomor layanan. Wajib memuat {kode} atau {sid}.',
    usernameExample: 'Contoh untuk {{code}} — {{name}}: {{example}}',
    passwordLength: 'Panjang kata sandi PPPoE',
    passwordLengthHint: 'Kata sandi dibuat acak, 6 sampai 32 karakter.',
    passwordRange: 'Isi antara 6 dan 32 karakter.',
    saved: 'Pengaturan nomor layanan dan akun PPPoE tersimpan.',
  },
}
