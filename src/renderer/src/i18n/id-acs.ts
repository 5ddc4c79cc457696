/** Indonesian texts of the ACS settings and the CPE card (issue 18); `en-acs.ts` has the same keys. */
export const idAcs = {
  acs: {
    settings: {
      title: 'ACS (GenieACS)',
      intro:
        'Alamat NBI GenieACS (biasanya port 7557) untuk melihat dan mengatur modem pelanggan. Login diisi bila NBI berada di balik proxy dengan kata sandi.',
      url: 'Alamat NBI',
      urlPlaceholder: 'http://10.0.0.5:7557',
      username: 'Nama pengguna (opsional)',
      password: 'Kata sandi',
      passwordKeep: 'Kosongkan untuk memakai kata sandi tersimpan',
      test: 'Tes koneksi',
      testOk: 'ACS menjawab: {{count}} perangkat terdaftar.',
      saved: 'Pengaturan ACS disimpan.',
      readOnly: 'Hanya pengguna dengan izin kelola jaringan yang dapat mengubah pengaturan ACS.',
    },
    card: {
      title: 'Modem / CPE (ACS)',
      notSet: 'ACS belum diatur. Isi alamat NBI GenieACS di Pengaturan → ACS (GenieACS).',
      nothingToSearch:
        'Layanan pelanggan ini tidak punya username PPPoE maupun serial CPE, jadi CPE-nya tidak bisa dicari di ACS.',
      notFound: 'Tidak ada CPE di ACS untuk {{searched}}.',
      online: 'Online',
      offline: 'Offline',
      neverInformed: 'Belum pernah inform',
      lastInform: 'Inform terakhir',
      ago: '{{duration}} lalu',
      onlineRule:
        'Online bila inform terakhir tidak lebih dari interval inform ({{interval}}{{from}}) + {{grace}}.',
      intervalDefault: ', bawaan karena CPE tidak melaporkannya',
      model: 'Model',
      firmware: 'Firmware',
      serial: 'Serial',
      ssid: 'SSID WiFi',
      dataModel: 'Model data',
      foundBy: 'Ditemukan lewat',
      byPppoe: 'PPPoE {{login}} ({{sid}})',
      bySerial: 'serial CPE ({{sid}})',
      reboot: 'Reboot',
      refresh: 'Refresh',
      wifi: 'Ubah WiFi',
      rebootTitle: 'Reboot modem {{device}}?',
      rebootBody:
        'Internet dan WiFi pelanggan terputus 1–3 menit selama modem menyala ulang. Pastikan pelanggan sudah diberi tahu.',
      refreshTitle: 'Minta data terbaru dari modem?',
      refreshBody:
        'ACS meminta modem mengirim semua parameternya lagi. Modem yang tidak menjawab menjalankannya saat inform berikutnya.',
      confirm: 'Ya, jalankan',
      wifiTitle: 'Ubah WiFi {{device}}',
      wifiIntro:
        'Perangkat yang tersambung ke WiFi akan terputus dan harus masuk lagi dengan nama dan kata sandi baru.',
      wifiSsid: 'Nama WiFi (SSID)',
      wifiPassword: 'Kata sandi WiFi baru',
      wifiPasswordHint: 'WPA2: 8–63 karakter huruf, angka atau tanda baca biasa.',
      wifiSubmit: 'Kirim ke modem',
      recent: 'Perintah terakhir',
      serialTitle: 'Serial CPE per layanan',
      serialHint:
        'Untuk modem yang tidak melaporkan username PPPoE (misalnya ONT mode bridge), simpan serialnya agar bisa ditemukan.',
      serialSave: 'Simpan serial',
      serialSaved: 'Serial CPE disimpan.',
      outcome: {
        pending: 'Menunggu jawaban ACS',
        done: 'Selesai: modem sudah menjalankannya',
        queued: 'Diantrekan: modem tidak menjawab, dijalankan saat inform berikutnya',
        fault: 'Ditolak modem (fault)',
        not_found: 'Perangkat tidak ada di ACS',
        unreachable: 'ACS tidak menjawab; tidak ada yang diantrekan',
      },
      action: { reboot: 'Reboot', refresh: 'Refresh', wifi: 'Ubah WiFi' },
    },
  },
}
