/**
 * Indonesian texts of Pengaturan → Mode (host or client) and of a client's status bar and its
 * "host tidak terjangkau" banner. Spread into `id.ts`; `en-mode.ts` has the same keys.
 */
export const idMode = {
  mode: {
    title: 'Mode: host atau klien',
    intro:
      'Satu PC (host) menyimpan data dan melayani jaringan kantor. PC lain bisa dijadikan klien: tidak menyimpan data sendiri dan menampilkan Loket dari host.',
    lanTitle: 'Alamat host ini di jaringan kantor',
    lanIntro:
      'Buka alamat ini dari PC klien, HP teknisi atau browser lain di jaringan yang sama. Pindai kode QR dengan kamera HP.',
    lanNone:
      'Host ini hanya melayani PC ini sendiri (port {{port}}). Agar PC lain dan HP bisa membukanya, jalankan Loket di desktop, atau npm run serve dengan --host 0.0.0.0.',
    qrAlt: 'Kode QR untuk membuka {{url}}',
    choice: 'Mode PC ini',
    host: 'Host — PC ini menyimpan data',
    client: 'Klien — tampilkan Loket dari host lain',
    hostUrl: 'Alamat host',
    hostUrlHint: 'Contoh: http://192.168.1.10:8080 (lihat bagian ini di PC host).',
    discover: 'Cari host di jaringan',
    discovering: 'Mencari host Loket di jaringan kantor (3 detik)…',
    discoverNone:
      'Tidak ada host Loket yang ditemukan. Ketik alamatnya; jaringan atau firewall mungkin memblokir pencarian.',
    test: 'Tes koneksi',
    testOk: 'Terhubung ke Loket versi {{version}} ({{ms}} md).',
    testSameVersion: 'Versinya sama dengan PC ini.',
    testOtherVersion:
      'Versi host ({{version}}) berbeda dengan PC ini ({{own}}). Samakan versinya sebelum memakai mode klien.',
    testFailed: {
      unreachable:
        'Host tidak terjangkau. Periksa alamat, kabel/Wi-Fi, dan apakah Loket di host menyala.',
      timeout: 'Host tidak menjawab dalam 4 detik. Periksa jaringan dan firewall di PC host.',
      not_loket: 'Alamat itu menjawab, tetapi bukan host Loket.',
    },
    nextStart: 'Perubahan mode berlaku saat Loket dimulai ulang di PC ini.',
    savedAs: {
      host: 'Tersimpan: PC ini host. Berlaku saat Loket dimulai ulang.',
      client: 'Tersimpan: PC ini klien dari {{url}}. Berlaku saat Loket dimulai ulang.',
    },
    pending:
      'Mode tersimpan untuk mulai berikutnya: klien dari {{url}}. Saat ini PC ini masih host.',
    problem: 'Berkas mode tidak terbaca, jadi PC ini berjalan sebagai host. Simpan mode lagi.',
    onlyOwner: 'Hanya pemilik (superadmin) yang dapat mengubah mode.',
    confirmTitle: 'Jadikan PC ini klien?',
    confirmBody:
      'PC ini menyimpan data perusahaan. Mulai Loket berikutnya, PC ini tidak membuka datanya sendiri dan menampilkan data dari host {{url}}. Data di PC ini tidak dihapus dan bisa dipakai lagi dengan mengembalikan mode ke host.',
    confirm: 'Jadikan klien',
  },
  hostStatus: {
    client: 'Mode klien · host {{host}}',
    unreachable:
      'Host tidak terjangkau. Yang Anda ketik tetap ada di layar; tidak ada yang tersimpan sampai host terhubung lagi.',
    checking: 'Memeriksa koneksi ke host…',
    retry: 'Coba sambung lagi',
  },
}
