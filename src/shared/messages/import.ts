/**
 * Texts of the `import.*` keys: problems in an uploaded spreadsheet, shown in the import preview
 * next to the row and column. Written for the office admin who made the file, so each says what
 * to type instead. Shared by the UI and the CLI.
 */
export const importMessagesId = {
  // The file as a whole
  file_unsupported:
    'Jenis berkas {{ext}} tidak didukung. Simpan sebagai .xlsx atau .csv lalu unggah lagi.',
  file_too_large: 'Berkas terlalu besar (maksimal {{maxMb}} MB).',
  file_too_large_unpacked:
    'Isi berkas .xlsx ini terlalu besar setelah dibuka (lebih dari {{maxMb}} MB data). Hapus sheet, gambar atau kolom yang tidak diperlukan, bagi menjadi beberapa berkas, atau simpan sebagai .csv.',
  file_unreadable:
    'Berkas tidak dapat dibaca. Pastikan berkas .xlsx tidak rusak atau terkunci kata sandi.',
  file_empty: 'Berkas kosong: tidak ada baris judul kolom.',
  too_many_rows: 'Berkas berisi lebih dari {{max}} baris. Bagi menjadi beberapa berkas.',
  sheet_not_found: 'Sheet "{{sheet}}" tidak ada. Sheet yang tersedia: {{sheets}}.',
  csv_unclosed_quote: 'Tanda kutip (") yang dibuka di baris {{row}} tidak pernah ditutup.',
  column_missing:
    'Kolom {{column}} wajib ada. Pilih kolom yang berisi {{column}} pada langkah pencocokan kolom.',
  // One cell
  required: 'Wajib diisi.',
  too_long: 'Terlalu panjang (maksimal {{max}} karakter).',
  phone_invalid: 'Nomor telepon "{{value}}" tidak valid. Contoh: 0812-3456-7890.',
  email_invalid: 'Alamat email "{{value}}" tidak valid.',
  date_invalid: 'Tanggal "{{value}}" tidak valid. Tulis seperti 15/03/2024 atau 2024-03-15.',
  billing_schedule_invalid:
    'Jadwal tagihan "{{value}}" tidak valid. Isi tanggal 1–28, atau "aktivasi" untuk mengikuti tanggal aktif.',
  category_invalid: 'Kategori "{{value}}" tidak dikenal. Pilih rumah, bisnis, atau corporate.',
  status_invalid:
    'Status "{{value}}" tidak dikenal. Pilih registrasi, survei, instalasi, aktif, isolir, putus, atau in_progress.',
  price_invalid:
    'Harga "{{value}}" tidak valid. Tulis dalam rupiah tanpa desimal, mis. 150000 atau 150.000.',
  service_type_invalid:
    'Tipe layanan "{{value}}" tidak dikenal. Pilih pppoe, hotspot, static_ip, cable_tv, atau dedicated.',
  yes_no_invalid: 'Isi "{{value}}" tidak dikenal. Tulis ya atau tidak.',
  number_invalid: 'Angka "{{value}}" tidak valid. Tulis angka lebih dari 0, mis. 10 atau 1,5.',
  nik_invalid: 'NIK "{{value}}" tidak valid. NIK terdiri dari 16 angka.',
  npwp_invalid: 'NPWP "{{value}}" tidak valid. NPWP terdiri dari 15 atau 16 angka.',
  ip_invalid: 'Alamat IP "{{value}}" tidak valid. Contoh: 192.168.10.25.',
  pppoe_username_invalid:
    'Username PPPoE "{{value}}" tidak valid: tanpa spasi, maksimal 64 karakter.',
  duplicate_in_file: '"{{value}}" sudah ada di baris {{row}} pada berkas ini.',
  unknown_area:
    'Area "{{value}}" belum ada. Tambahkan di Katalog → Area, atau sertakan di sheet Area.',
  unknown_product:
    'Paket "{{value}}" belum ada. Tambahkan di Katalog → Paket, atau sertakan di sheet Paket.',
  pppoe_taken: 'Username PPPoE "{{value}}" sudah dipakai layanan lain.',
  unknown_router:
    'Router "{{value}}" tidak ada. Tulis nama router persis seperti di Jaringan → Router, atau kosongkan.',
}

export type ImportMessageKey = keyof typeof importMessagesId

export const importMessagesEn: Record<ImportMessageKey, string> = {
  file_unsupported:
    'Files of type {{ext}} are not supported. Save it as .xlsx or .csv and upload again.',
  file_too_large: 'The file is too large (at most {{maxMb}} MB).',
  file_too_large_unpacked:
    'This .xlsx file is too large once unpacked (more than {{maxMb}} MB of data). Remove sheets, pictures or columns you do not need, split it into several files, or save it as .csv.',
  file_unreadable:
    'The file cannot be read. Check that the .xlsx file is not damaged or password-protected.',
  file_empty: 'The file is empty: there is no header row.',
  too_many_rows: 'The file has more than {{max}} rows. Split it into several files.',
  sheet_not_found: 'There is no sheet "{{sheet}}". Sheets in the file: {{sheets}}.',
  csv_unclosed_quote: 'A quote (") opened on row {{row}} is never closed.',
  column_missing:
    'The {{column}} column is required. Choose the column that holds {{column}} in the column-matching step.',
  required: 'Required.',
  too_long: 'Too long (at most {{max}} characters).',
  phone_invalid: 'Phone number "{{value}}" is not valid. Example: 0812-3456-7890.',
  email_invalid: 'Email address "{{value}}" is not valid.',
  date_invalid: 'Date "{{value}}" is not valid. Write it like 15/03/2024 or 2024-03-15.',
  billing_schedule_invalid:
    'Billing schedule "{{value}}" is not valid. Enter a day from 1 to 28, or "aktivasi" to follow the activation date.',
  category_invalid: 'Unknown category "{{value}}". Choose rumah, bisnis or corporate.',
  status_invalid:
    'Unknown status "{{value}}". Choose registrasi, survei, instalasi, aktif, isolir, putus or in_progress.',
  price_invalid: 'Price "{{value}}" is not valid. Write whole rupiah, e.g. 150000 or 150.000.',
  service_type_invalid:
    'Unknown service type "{{value}}". Choose pppoe, hotspot, static_ip, cable_tv or dedicated.',
  yes_no_invalid: '"{{value}}" is not understood. Write ya (yes) or tidak (no).',
  number_invalid: 'Number "{{value}}" is not valid. Write a number above 0, e.g. 10 or 1.5.',
  nik_invalid: 'NIK "{{value}}" is not valid. A NIK has 16 digits.',
  npwp_invalid: 'NPWP "{{value}}" is not valid. An NPWP has 15 or 16 digits.',
  ip_invalid: 'IP address "{{value}}" is not valid. Example: 192.168.10.25.',
  pppoe_username_invalid:
    'PPPoE username "{{value}}" is not valid: no spaces, at most 64 characters.',
  duplicate_in_file: '"{{value}}" already appears on row {{row}} of this file.',
  unknown_area:
    'Area "{{value}}" does not exist yet. Add it under Catalogue → Areas, or include it in the Area sheet.',
  unknown_product:
    'Package "{{value}}" does not exist yet. Add it under Catalogue → Packages, or include it in the Paket sheet.',
  pppoe_taken: 'PPPoE username "{{value}}" is already used by another service.',
  unknown_router:
    'Router "{{value}}" does not exist. Write the router\'s name exactly as under Network → Routers, or leave it empty.',
}
