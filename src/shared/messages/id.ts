import type { ErrorCode } from '../errors'

/**
 * Indonesian (the default) texts of the error codes and the `validation.*` keys of the shared zod
 * schemas: shared by the UI (i18next resources) and the CLI, so both say the same thing.
 */
export const idMessages = {
  errors: {
    INTERNAL: 'Terjadi kesalahan pada sistem. Coba lagi; bila masih terjadi, hubungi admin.',
    VALIDATION: 'Ada isian yang belum benar. Periksa kembali formulir.',
    NOT_FOUND: 'Data tidak ditemukan.',
    UNAUTHENTICATED: 'Silakan masuk terlebih dahulu.',
    SESSION_EXPIRED: 'Sesi Anda sudah berakhir. Silakan masuk kembali.',
    FORBIDDEN: 'Anda tidak memiliki izin untuk tindakan ini.',
    PASSWORD_CHANGE_REQUIRED: 'Anda harus mengganti kata sandi sebelum melanjutkan.',
    AUTH_INVALID_CREDENTIALS: 'Nama pengguna atau kata sandi salah.',
    AUTH_LOCKED: 'Terlalu banyak percobaan gagal. Coba lagi dalam {{minutes}} menit.',
    AUTH_USER_INACTIVE: 'Akun ini sudah dinonaktifkan. Hubungi admin Anda.',
    PASSWORD_TOO_WEAK:
      'Kata sandi terlalu lemah: minimal 10 karakter, bukan kata sandi umum, dan tidak memuat nama pengguna.',
    PASSWORD_REUSED: 'Kata sandi baru tidak boleh sama dengan kata sandi lama.',
    SETUP_ALREADY_DONE: 'Penyiapan awal sudah dilakukan. Silakan masuk.',
    SETUP_REQUIRED: 'Aplikasi belum disiapkan. Selesaikan penyiapan awal terlebih dahulu.',
    USERNAME_TAKEN: 'Nama pengguna ini sudah dipakai. Pilih nama lain.',
    CANNOT_CHANGE_OWN_ACCOUNT:
      'Anda tidak dapat mengubah peran, menonaktifkan, atau mereset kata sandi akun Anda sendiri.',
    LAST_SUPERADMIN: 'Harus tetap ada minimal satu Superadmin aktif.',
    SUPERADMIN_ONLY: 'Hanya Superadmin yang boleh melakukan ini.',
    DB_NEWER_THAN_APP: 'Database dibuat oleh versi Loket yang lebih baru. Perbarui aplikasi ini.',
    DB_ON_NETWORK_PATH:
      'Database tidak boleh dibuka dari folder jaringan. Gunakan mode host dan klien.',
    DB_NATIVE_MODULE_MISMATCH: 'Modul database tidak cocok dengan aplikasi. Pasang ulang Loket.',
    DB_URL_INVALID: 'Alamat database harus berbentuk postgres://USER:SANDI@HOST:PORT/NAMA_DB.',
    DB_NUMBER_OUT_OF_RANGE: 'Angka di database terlalu besar untuk dibaca dengan tepat.',
    DB_TARGET_NOT_EMPTY:
      'Database tujuan tidak kosong. Pindahkan hanya ke database PostgreSQL yang baru dan kosong.',
    CODE_TAKEN: 'Kode ini sudah dipakai. Pilih kode lain.',
    NAME_TAKEN: 'Nama ini sudah dipakai. Pilih nama lain.',
    PPPOE_USERNAME_TAKEN: 'Username PPPoE ini sudah dipakai layanan lain di router yang sama.',
    ROUTER_PROFILE_SPEED_CONFLICT:
      'Profil router "{{profile}}" sudah dipakai paket "{{product}}" dengan kecepatan lain. Satu profil hanya untuk satu kecepatan: pakai nama profil lain, atau kosongkan agar Loket menamainya sendiri.',
    INVALID_STATUS_CHANGE: 'Perubahan status ini tidak diizinkan.',
    SERVICE_TERMINATED:
      'Layanan sudah diputus; data lamanya tetap tersimpan tetapi tidak dapat diubah.',
    IMPORT_HAS_ERRORS:
      'Berkas masih berisi kesalahan. Perbaiki baris yang ditandai lalu impor ulang.',
    INVOICE_IMMUTABLE:
      'Tagihan yang sudah terbit tidak dapat diubah. Gunakan nota kredit atau batalkan tagihan yang belum dibayar.',
    INVOICE_NOT_ISSUED: 'Tagihan ini belum terbit atau sudah dibatalkan.',
    INVOICE_HAS_PAYMENTS:
      'Tagihan yang sudah dibayar (sebagian) tidak dapat dibatalkan. Batalkan pembayarannya dulu atau buat nota kredit.',
    CREDIT_EXCEEDS_INVOICE:
      'Nota kredit melebihi nilai tagihan (sisa yang dapat dikreditkan: {{max}}).',
    PAYMENT_BELOW_MINIMUM: 'Pembayaran minimal {{min}}.',
    PAYMENT_EXCEEDS_DUE:
      'Pembayaran melebihi total tagihan ({{due}}). Kelebihan bayar tidak diizinkan.',
    REFERENCE_TAKEN: 'Nomor referensi ini sudah dipakai pembayaran lain ({{number}}).',
    DAY_CLOSED: 'Setoran kasir untuk tanggal ini sudah ditutup; data hari itu tidak dapat diubah.',
    PAYMENT_ALREADY_REVERSED: 'Pembayaran ini sudah dibatalkan.',
    BILLING_RUN_BUSY: 'Penagihan periode ini sedang berjalan. Tunggu hingga selesai.',
    ROUTER_AUTH: 'Router menolak login: nama pengguna atau kata sandi API salah.',
    ROUTER_REFUSED:
      'Router menolak koneksi ke {{host}}:{{port}}. Pastikan layanan API (IP → Services → api) aktif dan portnya benar.',
    ROUTER_TIMEOUT:
      'Router {{host}}:{{port}} tidak menjawab dalam waktu yang ditentukan. Periksa alamat, firewall dan jaringan.',
    ROUTER_UNREACHABLE: 'Router {{host}} tidak dapat dijangkau dari komputer ini.',
    ROUTER_TLS:
      'TLS tidak cocok dengan port {{port}}. Nyalakan atau matikan pilihan TLS sesuai layanan api / api-ssl di router.',
    ROUTER_TRAP: 'Router menolak perintah: {{message}}',
    ROUTER_DISCONNECTED: 'Koneksi ke router terputus. Perubahan akan dicoba lagi otomatis.',
    ROUTER_NOT_SET: 'Layanan ini belum punya router. Atur router di pengaturan jaringan layanan.',
    ACS_NOT_SET: 'ACS (GenieACS) belum diatur. Isi alamat NBI di Pengaturan → ACS.',
    ACS_UNREACHABLE:
      'ACS di {{url}} tidak dapat dihubungi ({{reason}}). Periksa alamat NBI, port 7557 dan jaringan; data lain tetap bisa dipakai.',
    ACS_TIMEOUT:
      'ACS di {{url}} tidak menjawab dalam {{seconds}} detik. Periksa server GenieACS; data lain tetap bisa dipakai.',
    ACS_AUTH: 'ACS menolak login NBI: nama pengguna atau kata sandi salah.',
    ACS_BAD_ANSWER: 'Jawaban ACS tidak dikenali (HTTP {{status}}): {{detail}}',
    CPE_NOT_FOUND:
      'CPE pelanggan ini tidak ditemukan di ACS (dicari dengan username PPPoE dan serial CPE layanannya).',
    CPE_AMBIGUOUS: 'Pelanggan ini punya {{count}} CPE di ACS. Pilih salah satu: {{devices}}',
    OLT_TIMEOUT:
      'OLT tidak menjawab (periksa alamat, port dan community). Tujuan: {{host}}:{{port}}.',
    OLT_SNMP_ERROR: 'OLT {{host}} menjawab dengan galat SNMP: {{message}}',
    OLT_SECRET_REQUIRED: 'Isi community SNMP (v2c) atau user dan kunci SNMPv3 untuk OLT ini.',
    ODP_PORT_TAKEN: 'Port {{port}} di {{odp}} sudah dipakai {{customer}}. Pilih port lain.',
    ODP_PORT_OUT_OF_RANGE: '{{odp}} hanya punya {{ports}} port; port {{port}} tidak ada.',
    ODP_HAS_CUSTOMERS:
      '{{odp}} masih dipakai {{count}} pelanggan. Pindahkan mereka ke ODP lain dulu sebelum menghapus atau mengurangi port.',
    ODC_HAS_ODPS: '{{odc}} masih punya {{count}} ODP. Pindahkan atau hapus ODP-nya dulu.',
    OUTAGE_RESOLVED: 'Gangguan ini sudah ditandai selesai.',
    OUTAGE_NO_SERVICES: 'Tidak ada layanan pelanggan di bawah {{label}}; tidak ada yang terdampak.',
    CHANNEL_NOT_SET: 'Saluran {{channel}} belum diatur. Atur di Pesan → Saluran.',
    CHANNEL_SEND_FAILED: 'Pesan tidak terkirim: {{detail}}',
    CHANNEL_NOT_LINKED:
      'WhatsApp belum tertaut. Buka Pesan → Saluran lalu pindai kode QR dengan WhatsApp di ponsel.',
    TEMPLATE_UNKNOWN_VARIABLE: 'Template memakai variabel yang tidak dikenal: {{names}}.',
    JOB_UNKNOWN: 'Tugas "{{job}}" tidak dikenal. Lihat daftar dengan: jobs list',
    JOB_BUSY: 'Tugas {{job}} sedang berjalan. Tunggu hingga selesai.',
    ROUTER_IMPORT_UNDECIDED:
      '{{count}} secret masih aktif di router padahal pelanggannya putus di Loket ({{logins}}). Pilih untuk tiap secret: nonaktifkan secret, atau aktifkan kembali pelanggan.',
    ROUTER_IMPORT_NO_PACKAGE:
      'Tidak ada paket dengan profil router {{profiles}} (login {{logins}}). Pilih "Pertahankan paket Loket" untuk login itu, atau buat dulu paket dengan profil tersebut.',
    ROUTER_IMPORT_ISOLIR_PACKAGE:
      'Pilih paket untuk secret di profil isolir ({{logins}}) sebelum pelanggannya diaktifkan kembali.',
    IMPORT_ROUTER_REQUIRED:
      '{{count}} layanan aktif belum punya router. Isi kolom router di berkas, atau pilih router untuk area {{areas}}.',
    OTP_INVALID: 'Kode salah. Periksa lagi kode yang dikirim ke Anda.',
    OTP_EXPIRED: 'Kode sudah tidak berlaku. Minta kode baru.',
    OTP_LOCKED: 'Terlalu banyak kode salah. Coba lagi dalam {{minutes}} menit.',
    OTP_RESEND_TOO_SOON: 'Tunggu {{seconds}} detik sebelum meminta kode baru.',
    OTP_TOO_MANY_SENDS: 'Kode sudah terlalu sering dikirim. Coba lagi dalam {{minutes}} menit.',
    OTP_NO_PHONE:
      'Akun Anda wajib verifikasi dua langkah lewat WhatsApp, tetapi belum punya nomor WhatsApp. Minta Superadmin mengisi nomor WhatsApp Anda di halaman Pengguna.',
    OTP_CHANNEL_OFF:
      'Kode verifikasi tidak dapat dikirim karena saluran WhatsApp belum aktif. Minta Superadmin mengaktifkannya di Pesan → Saluran.',
    TWO_FACTOR_NEEDS_WHATSAPP:
      'Aktifkan dulu saluran WhatsApp di Pesan → Saluran: kode verifikasi dikirim lewat WhatsApp.',
    TWO_FACTOR_SELF_NO_PHONE:
      'Aturan ini juga berlaku untuk akun Anda, tetapi akun Anda belum punya nomor WhatsApp. Isi nomor Anda di halaman Pengguna terlebih dahulu.',
    METHOD_NOT_SUPPORTED:
      'Permintaan ini memakai metode HTTP yang salah (misalnya GET untuk perubahan data). Gunakan aplikasi Loket atau klien API yang benar.',
    UNSUPPORTED_MEDIA_TYPE: 'Isi permintaan harus berformat JSON (Content-Type: application/json).',
    HOST_NOT_ALLOWED:
      'Perubahan ditolak karena Loket dibuka lewat nama "{{host}}", yang bukan nama atau alamat komputer host. Buka Loket lewat alamat IP atau nama komputer host, atau minta admin menambahkan nama ini (opsi --allow-host).',
    SETUP_CODE_REQUIRED:
      'Penyiapan dari komputer lain memerlukan kode penyiapan. Kodenya tampil di komputer host: di jendela Loket, atau di layar tempat "npm run serve" dijalankan.',
    SETUP_CODE_INVALID:
      'Kode penyiapan salah. Periksa kode di komputer host (sisa percobaan: {{attemptsLeft}}).',
    SECRET_DESTINATION_CHANGED:
      'Alamat tujuan berubah sejak kata sandi atau token disimpan, jadi tidak dikirim ke alamat baru. Masukkan kata sandi atau token lagi.',
    BACKUP_NOT_A_BACKUP: 'Berkas ini bukan berkas cadangan Loket (.loket-backup).',
    BACKUP_NEWER_THAN_APP:
      'Cadangan ini dibuat oleh versi Loket yang lebih baru. Perbarui aplikasi ini untuk memakainya.',
    BACKUP_PASSPHRASE_REQUIRED:
      'Cadangan ini terenkripsi. Masukkan frasa sandi cadangan (LOKET_BACKUP_PASSPHRASE).',
    BACKUP_PASSPHRASE_WRONG:
      'Frasa sandi cadangan salah. Berkas tidak dapat dibuka tanpa frasa sandi yang dipakai saat membuatnya.',
    BACKUP_DAMAGED:
      'Berkas cadangan rusak atau telah diubah. Jangan pulihkan dari berkas ini; pakai cadangan lain.',
    BACKUP_EXISTS: 'Sudah ada berkas dengan nama ini. Pilih nama lain.',
    RESTORE_TARGET_NOT_EMPTY:
      'Folder tujuan pemulihan tidak kosong. Pulihkan hanya ke folder data yang baru dan kosong.',
    BACKUP_BUSY: 'Backup lain sedang dibuat. Tunggu sampai selesai.',
    BACKUP_NOT_FOUND: 'Berkas backup ini tidak ada di folder backup.',
    BACKUP_FOLDER_INVALID:
      'Folder ini tidak bisa dipakai. Tulis alamat lengkap folder (mis. E:\\Backup Loket).',
    BACKUP_COPY_FAILED:
      'Backup dibuat, tetapi salinannya ke folder kedua gagal. Periksa disk USB atau drive tujuan.',
    BACKUP_TOO_LARGE:
      'Backup ini terlalu besar untuk diunduh lewat halaman. Salin berkasnya dari folder backup (folder data → backups) atau atur folder kedua.',
    BACKUP_PASSPHRASE_UNREADABLE:
      'Frasa sandi backup yang tersimpan tidak bisa dibuka di komputer ini (kunci rahasia berbeda). Atur frasa sandi lagi di halaman Backup & Restore.',
    RESTORE_LIVE_POSTGRES:
      'Data di PostgreSQL: pulihkan ke folder baru, lalu pindahkan dengan db move-to-postgres.',
    RESTORE_LIVE_UNAVAILABLE:
      'Host ini tidak bisa memulihkan data yang sedang dipakai. Pulihkan ke folder data baru.',
    HOST_RESTORING: 'Loket sedang memulihkan data, coba lagi sebentar lagi.',
    RESTORE_LIVE_DONE:
      'Data telah dipulihkan dari backup dan host dimulai ulang. Semua pengguna perlu masuk lagi.',
    MODULE_DISABLED:
      'Modul {{name}} sedang dimatikan. Pemilik dapat menyalakannya di Pengaturan → Modul.',
    TICKET_STATUS_REFUSED:
      'Status tiket tidak bisa diubah dari "{{fromWords}}" ke "{{toWords}}". Urutannya: baru → dalam proses → menunggu konfirmasi → selesai; tiket yang masih terbuka bisa dibatalkan, dan tiket selesai/dibatalkan hanya bisa dibuka kembali ke "dalam proses".',
    TICKET_REOPEN_REASON_REQUIRED:
      'Tiket yang sudah selesai atau dibatalkan hanya bisa dibuka kembali dengan alasan. Tulis alasannya.',
    TICKET_ASSIGNEE_INVALID:
      'Tiket hanya bisa ditugaskan ke pengguna aktif di perusahaan ini yang perannya boleh menangani tiket (izin "Kelola tiket").',
    TICKET_CATEGORY_UNKNOWN:
      'Kategori tiket "{{category}}" tidak ada atau sudah tidak aktif. Pilih kategori dari daftar di pengaturan tiket.',
    TICKET_CATEGORY_IN_USE:
      'Kategori "{{category}}" masih dipakai tiket, jadi tidak bisa dihapus. Nonaktifkan saja agar tidak ditawarkan lagi.',
    STOCK_INSUFFICIENT:
      'Stok tidak cukup: {{item}} di {{holder}} tersisa {{available}} {{unit}}, diminta {{requested}} {{unit}}.',
    STOCK_REQUEST_STATUS_REFUSED:
      'Permintaan barang berstatus "{{status}}" tidak bisa {{action}}. Urutannya: diminta → disetujui → dikeluarkan (atau ditolak).',
    STOCK_SERIAL_INVALID: 'Nomor seri {{item}} tidak cocok: {{problem}}',
    STOCK_ITEM_NAME_TAKEN: 'Barang bernama "{{name}}" sudah ada. Pakai nama lain.',
    WAREHOUSE_NAME_TAKEN: 'Gudang bernama "{{name}}" sudah ada. Pakai nama lain.',
    FIELD_KIND_UNKNOWN:
      'Host belum mengenal perintah "{{kind}}". Perbarui Loket di komputer host, lalu kirim lagi.',
    FIELD_PAYLOAD_INVALID:
      'Isi perintah "{{kind}}" tidak lengkap atau tidak valid, jadi tidak diterapkan.',
    FIELD_NOT_ASSIGNED:
      'Tiket {{number}} tidak (lagi) ditugaskan kepada Anda, jadi perubahan dari HP ini tidak diterapkan. Hubungi kantor.',
    FIELD_TICKET_CLOSED:
      'Tiket {{number}} sudah {{statusWords}} di kantor, jadi perubahan dari HP ini tidak diterapkan. Minta kantor membukanya kembali bila masih perlu.',
    REGISTRATION_STEP_REFUSED:
      'Kartu registrasi ada di langkah "{{stepWords}}", jadi formulir "{{wantedWords}}" belum/tidak bisa disimpan. Langkahnya berurutan: Registrasi → Survei → Akun → Produk → Instalasi → Finalisasi.',
    REGISTRATION_CLOSED:
      'Kartu registrasi ini sudah selesai (aktif atau tidak layak) dan tidak bisa diubah lagi.',
    REGISTRATION_OPEN_EXISTS:
      'Pelanggan ini sudah punya kartu registrasi yang masih berjalan. Lanjutkan kartu itu di papan Registrasi.',
    REGISTRATION_FILE_INVALID:
      'Gambar tidak valid: {{problem}}. Tanda tangan harus PNG (maks. 300 KB), foto JPG/PNG/WEBP (maks. 5 MB).',
    FIELD_REGISTRATION_NOT_ASSIGNED:
      '{{taskWords}} pelanggan {{customer}} tidak (lagi) ditugaskan kepada Anda, jadi laporan dari HP ini tidak diterapkan. Hubungi kantor.',
    GATEWAY_NOT_CONFIGURED:
      'Pembayaran online belum diaktifkan. Atur gateway di Pengaturan → Pembayaran online.',
    GATEWAY_UNAVAILABLE:
      'Gateway pembayaran {{gateway}} tidak dapat dihubungi atau menolak permintaan: {{reason}}',
    GATEWAY_CHANNEL_UNKNOWN:
      'Metode pembayaran "{{channel}}" tidak tersedia. Pilih metode lain dari daftar.',
    GATEWAY_INVOICE_NOT_PAYABLE:
      'Tagihan yang dipilih tidak bisa dibayar online: sudah lunas, dibatalkan, atau bukan milik pelanggan ini.',
    GATEWAY_TRANSACTION_NOT_HELD:
      'Transaksi {{reference}} tidak sedang ditahan untuk diperiksa (status: {{state}}).',
    PORTAL_RATE_LIMITED:
      'Terlalu banyak permintaan dari perangkat atau nomor ini. Coba lagi dalam {{minutes}} menit.',
    PORTAL_READ_ONLY:
      'Tampilan portal ini hanya untuk dilihat (dibuka oleh petugas). Perubahan dan pembayaran tidak bisa dilakukan di sini.',
    PORTAL_REGISTRATION_OFF: 'Pendaftaran mandiri belum dibuka. Hubungi kantor untuk mendaftar.',
    PORTAL_PHONE_TAKEN:
      'Nomor WhatsApp ini sudah dipakai pelanggan lain. Hubungi kantor bila ini nomor Anda.',
  },
  validation: {
    quantity: 'Jumlah harus bilangan bulat, minimal 1.',
    serial_duplicate: 'Ada nomor seri yang ditulis dua kali.',
    serial_count: 'Jumlah nomor seri harus sama dengan jumlah barang.',
    stock_lines_required: 'Tambahkan minimal satu barang.',
    stock_line_duplicate: 'Barang yang sama ditulis dua kali; gabungkan jumlahnya.',
    serial_locked: 'Barang yang sudah punya riwayat stok tidak bisa diubah jenis nomor serinya.',
    reject_reason_required: 'Tulis alasan penolakan.',
    time: 'Jam tidak valid, tulis seperti 09:30.',
    too_many: 'Terlalu banyak isian.',
    reason_required: 'Tulis alasannya.',
    survey_decision: 'Pilih hasil survei: layak atau tidak layak.',
    tax_type: 'Pilih jenis pajak.',
    rx_power: 'Daya RX dalam dBm antara -50 dan 10, misalnya -19,5.',
    survey_priority: 'Pilih prioritas.',
    sla_order: 'Target respons pertama tidak boleh lebih lama dari target penyelesaian.',
    ticket_category_key:
      'Kode kategori hanya huruf kecil, angka dan garis bawah, misalnya pindah_alamat.',
    ticket_category_duplicate: 'Ada kode kategori yang dipakai dua kali.',
    ticket_nothing_to_change: 'Isi status, catatan atau petugas yang ditugaskan.',
    ticket_photo_type: 'Foto tiket harus berupa gambar JPG, PNG atau WEBP.',
    ticket_photo_size: 'Foto terlalu besar (maksimal 5 MB).',
    backup_passphrase_short: 'Frasa sandi backup minimal 8 karakter.',
    backup_passphrase_mismatch: 'Frasa sandi kedua tidak sama dengan yang pertama.',
    token_destination_changed: 'Masukkan token lagi: alamat tujuan berubah.',
    password_destination_changed: 'Masukkan kata sandi lagi: alamat tujuan berubah.',
    rate_limit:
      'Tulis batas kecepatan seperti di RouterOS: upload/download, misalnya 2M/2M atau 512k/1M.',
    validity: 'Tulis masa berlaku seperti 1d, 7d, 12h atau 1w2d (angka lalu w/d/h/m).',
    router_host: 'Isi alamat IP atau nama host router saja, tanpa http:// dan tanpa port.',
    host_address:
      'Isi alamat IPv4 (misalnya 192.168.88.10) atau nama host (misalnya loket.lan) saja.',
    router_name: 'Nama di RouterOS tidak boleh memuat spasi, =, ? atau tanda kutip.',
    wifi_ssid: 'SSID harus 1–32 karakter huruf, angka atau tanda baca biasa (ASCII).',
    wifi_password:
      'Kata sandi WiFi (WPA2) harus 8–63 karakter huruf, angka atau tanda baca biasa (ASCII).',
    cpe_serial:
      'Serial CPE hanya boleh berisi huruf, angka, titik, titik dua, garis bawah dan tanda hubung.',
    router_port: 'Port harus angka 1–65535 (API biasa 8728, API-SSL 8729).',
    olt_host: 'Isi alamat IP atau nama host OLT saja, tanpa http:// dan tanpa port.',
    olt_port: 'Port SNMP harus angka 1–65535 (biasanya 161).',
    olt_vendor: 'Pilih vendor OLT: ZTE (1012 atau 1082), Huawei, atau C-Data.',
    olt_weak_rx: 'Batas sinyal lemah harus antara −40 dan −8 dBm.',
    odp_ports: 'Jumlah port ODP harus bilangan bulat 1–128, misalnya 8 atau 16.',
    odp_port: 'Nomor port harus bilangan bulat mulai dari 1.',
    odp_photo_type: 'Foto ODP harus berupa gambar JPG, PNG atau WEBP.',
    url: 'Alamat harus diawali http:// atau https://.',
    smtp_host:
      'Isi nama host server SMTP saja, misalnya smtp.gmail.com, tanpa http:// dan tanpa port.',
    url_template: 'Template URL harus memuat {phone} dan {message}.',
    reminder_offsets: 'Hari pengingat antara -30 dan 60, misalnya -3, 0, 3.',
    date_not_past: 'Tanggal tidak boleh sebelum hari ini.',
    period: 'Periode tidak valid, misalnya 2026-12.',
    number_pattern: 'Pola harus memuat nomor urut seperti {000000}; {YYYY} menjadi tahun.',
    amount_positive: 'Jumlah harus lebih dari nol.',
    reference_required: 'Nomor referensi wajib untuk transfer dan e-wallet.',
    document_kind: 'Pilih jenis dokumen.',
    sid_pattern: 'Pola SID harus memuat nomor urut seperti {000000} (tanpa {AREA}).',
    pppoe_rule_chars:
      'Gunakan huruf kecil, angka, titik, garis bawah, @ atau tanda hubung, dan {kode}, {nama}, {sid}.',
    pppoe_rule: 'Aturan harus memuat {kode} atau {sid} agar setiap username unik.',
    file_type: 'Jenis berkas tidak didukung. Gunakan JPG, PNG, WEBP atau PDF.',
    file_size: 'Berkas terlalu besar (maksimal 10 MB).',
    file_name: 'Nama berkas tidak valid. Beri nama berkas, misalnya ktp-budi.jpg.',
    amount: 'Masukkan jumlah rupiah bulat, misalnya 150000.',
    area_code: 'Kode area 2–10 huruf besar atau angka, misalnya CBG01.',
    code_pattern: 'Pola harus memuat nomor urut, misalnya {AREA}-{0000}.',
    speed: 'Kecepatan dalam Mbps, 0 sampai 100.000.',
    speed_required: 'Isi kecepatan unduh dan unggah agar Loket bisa memasangnya di router.',
    burst_incomplete:
      'Burst diisi lengkap: kecepatan burst, ambang, dan waktu — atau kosongkan semuanya.',
    burst_rate: 'Kecepatan burst harus lebih tinggi dari kecepatan biasa.',
    burst_threshold: 'Ambang burst harus di atas 0 dan di bawah kecepatan burst.',
    burst_time: 'Waktu burst 1 sampai 3.600 detik.',
    fup_incomplete: 'Isi kecepatan FUP unduh dan unggah, atau kosongkan keduanya.',
    fup_above_speed: 'Kecepatan FUP harus di bawah kecepatan paket.',
    needs_quota: 'Isi kuota (GB) paket dulu: FUP dan harga kelebihan berlaku setelah kuota habis.',
    usage_price_twice:
      'Pilih salah satu: harga per GB kelebihan kuota, atau harga per GB untuk semua pemakaian.',
    service_type: 'Pilih jenis layanan.',
    number: 'Masukkan angka bulat.',
    voucher_quota: 'Kuota dalam MB bulat, atau dalam GB dengan paling banyak 2 angka desimal.',
    category: 'Pilih kategori pelanggan.',
    status: 'Pilih status.',
    billing_day: 'Tanggal tagihan 1 sampai 28.',
    ip: 'Alamat IP tidak valid, misalnya 10.10.10.2.',
    nik: 'NIK harus 16 digit.',
    coordinates: 'Koordinat tidak valid.',
    host_url: 'Tulis alamat host seperti http://192.168.1.10:8080 (tanpa jalur di belakangnya).',
    required: 'Wajib diisi.',
    too_long: 'Terlalu panjang.',
    invalid_text: 'Teks berisi karakter yang tidak bisa disimpan (misalnya karakter NUL).',
    phone: 'Nomor telepon tidak valid. Contoh: 0812-3456-7890.',
    email: 'Alamat email tidak valid.',
    username: '3–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.',
    password_too_short: 'Kata sandi minimal {{min}} karakter.',
    password_too_common: 'Kata sandi ini terlalu umum dan mudah ditebak.',
    password_contains_username: 'Kata sandi tidak boleh memuat nama pengguna.',
    password_mismatch: 'Kata sandi tidak sama.',
    price_list_product_twice: 'Setiap paket hanya boleh satu kali dalam daftar harga.',
    date: 'Tanggal tidak valid.',
    npwp: 'NPWP harus 15 atau 16 digit.',
    time_zone: 'Pilih zona waktu.',
    role: 'Pilih peran.',
    permission: 'Izin tidak dikenal.',
    gateway_url:
      'Tulis alamat seperti https://tripay.co.id/api-sandbox/ (http/https, tanpa ? atau #).',
    gateway_key_required: 'Kunci ini wajib diisi.',
    out_of_range: 'Nilai di luar batas yang diizinkan.',
    invalid: 'Isian tidak valid.',
    otp_code: 'Kode terdiri dari 6 angka.',
    portal_pick_invoice: 'Pilih paling sedikit satu tagihan.',
  },
} satisfies { errors: Record<ErrorCode, string>; validation: Record<string, string> }

export type SharedMessages = typeof idMessages
