/**
 * What the command line says about an option that needs fixing (`cli.*`): a terminal user
 * fixes `--amount`, not "the form". The problems of a shared schema keep their `validation.*`
 * texts; these name what only the CLI asks for.
 */
export const cliMessagesId = {
  VALIDATION: 'Ada opsi perintah yang perlu diperbaiki:',
  required: 'wajib diisi.',
  date: 'tulis tanggal sebagai YYYY-MM-DD, misalnya 2026-12-04.',
  period: 'tulis periode sebagai YYYY-MM, misalnya 2026-12.',
  one_of: 'pilih salah satu: {{choices}}.',
  whole_number: 'harus angka bulat dari {{min}} sampai {{max}}.',
  file: 'sebutkan berkas yang diimpor (.csv atau .xlsx).',
  router: 'sebutkan nama router.',
  olt: 'sebutkan nama OLT; daftarnya ada di "olt list".',
  job: 'sebutkan tugasnya; daftarnya ada di "jobs list".',
  channel: 'sebutkan salurannya: whatsapp atau email.',
  gateway: 'sebutkan gatewaynya: tripay, midtrans atau xendit.',
  ticket_number: 'sebutkan nomor tiket, misalnya TKT/2026/000001.',
  ticket_not_found: 'tidak ada tiket bernomor {{number}}; lihat "ticket list".',
  item_not_found: 'tidak ada barang aktif bernama {{name}}; lihat "stock items".',
  warehouse_not_found: 'tidak ada gudang aktif bernama {{name}}.',
  warehouse_choose: 'ada beberapa gudang; sebutkan dengan --warehouse NAMA.',
  customer_not_found: 'tidak ada pelanggan berkode {{code}}.',
  user_not_found: 'tidak ada pengguna bernama {{username}}.',
  data_dir: 'sebutkan folder data dengan --data-dir DIR (atau LOKET_DATA_DIR).',
  backup_file: 'sebutkan berkas cadangan (.loket-backup).',
  passphrase_mismatch: 'kedua frasa sandi tidak sama.',
  file_installer: 'sebutkan berkas penginstal yang diterbitkan (misalnya Loket-Setup-1.2.0.exe).',
  update_version: 'tulis versi semver, misalnya 1.2.0 (bukan "{{version}}").',
  update_not_newer:
    'versi {{version}} tidak lebih baru dari versi yang sudah diterbitkan ({{current}}); desktop tidak akan memasangnya.',
  update_file:
    'sebutkan berkas penginstal yang ada (misalnya Loket-Setup-1.2.0.exe): "{{file}}" tidak ditemukan.',
  update_file_name:
    'nama berkas penginstal harus memuat versinya ({{version}}), misalnya Loket-Setup-{{version}}.exe; "{{file}}" tidak.',
  update_notes: 'berkas catatan rilis "{{file}}" tidak dapat dibaca.',
  setup_code:
    'Kode penyiapan: {{code}}. Penyiapan awal dari PC lain di jaringan meminta kode ini; di komputer ini ({{url}}) tidak perlu. Kode baru setiap kali host dijalankan.',
}

export const cliMessagesEn: typeof cliMessagesId = {
  VALIDATION: 'Some options of the command need fixing:',
  required: 'is required.',
  date: 'write the date as YYYY-MM-DD, for example 2026-12-04.',
  period: 'write the period as YYYY-MM, for example 2026-12.',
  one_of: 'choose one of: {{choices}}.',
  whole_number: 'must be a whole number from {{min}} to {{max}}.',
  file: 'name the file to import (.csv or .xlsx).',
  router: 'name the router.',
  olt: 'name the OLT; "olt list" lists them.',
  job: 'name the job; "jobs list" lists them.',
  channel: 'name the channel: whatsapp or email.',
  gateway: 'name the gateway: tripay, midtrans or xendit.',
  ticket_number: 'name the ticket number, for example TKT/2026/000001.',
  ticket_not_found: 'there is no ticket numbered {{number}}; see "ticket list".',
  item_not_found: 'there is no active item named {{name}}; see "stock items".',
  warehouse_not_found: 'there is no active warehouse named {{name}}.',
  warehouse_choose: 'there are several warehouses; name one with --warehouse NAME.',
  customer_not_found: 'there is no customer with code {{code}}.',
  user_not_found: 'there is no user named {{username}}.',
  data_dir: 'name the data folder with --data-dir DIR (or LOKET_DATA_DIR).',
  backup_file: 'name the backup file (.loket-backup).',
  passphrase_mismatch: 'the two passphrases differ.',
  file_installer: 'name the installer to publish (for example Loket-Setup-1.2.0.exe).',
  update_version: 'write a semver version, for example 1.2.0 (not "{{version}}").',
  update_not_newer:
    'version {{version}} is not newer than the published one ({{current}}); desktops would not install it.',
  update_file:
    'name an installer that exists (for example Loket-Setup-1.2.0.exe): "{{file}}" was not found.',
  update_file_name:
    'the installer\'s file name must contain its version ({{version}}), for example Loket-Setup-{{version}}.exe; "{{file}}" does not.',
  update_notes: 'the release notes file "{{file}}" cannot be read.',
  setup_code:
    'Setup code: {{code}}. First-run setup from another PC on the network asks for this code; this computer ({{url}}) needs none. A new code every time the host starts.',
}
