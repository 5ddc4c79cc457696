/**
 * Row problems of a payment import (`paymentImport.errors.*`), shared by the UI (i18next) and the
 * command line so both say the same sentence.
 */
export const paymentImportErrorsId = {
  amount_invalid:
    'Jumlah "{{value}}" tidak valid. Tulis rupiah bulat lebih dari 0, mis. 150000 atau 150.000.',
  method_invalid: 'Metode "{{value}}" tidak dikenal. Tulis tunai, transfer, atau e-wallet.',
  reference_required: 'Nomor referensi wajib diisi untuk pembayaran selain tunai.',
  unknown_customer: 'Pelanggan dengan kode "{{value}}" tidak ada.',
  date_future: 'Tanggal {{value}} belum terjadi (hari ini {{today}}).',
  reference_taken: 'Referensi "{{value}}" sudah tercatat pada pembayaran {{number}}.',
  below_minimum: 'Jumlah di bawah pembayaran minimum ({{min}}).',
  exceeds_due: 'Jumlah melebihi tagihan ({{due}}) dan kelebihan bayar tidak diizinkan.',
  no_rows: 'Berkas tidak berisi baris pembayaran.',
}

export const paymentImportErrorsEn: Record<keyof typeof paymentImportErrorsId, string> = {
  amount_invalid:
    'Amount "{{value}}" is not valid. Write whole rupiah above 0, e.g. 150000 or 150.000.',
  method_invalid: 'Unknown method "{{value}}". Write tunai (cash), transfer or e-wallet.',
  reference_required: 'A reference number is required for payments other than cash.',
  unknown_customer: 'There is no customer with code "{{value}}".',
  date_future: 'The date {{value}} has not happened yet (today is {{today}}).',
  reference_taken: 'Reference "{{value}}" is already recorded on payment {{number}}.',
  below_minimum: 'The amount is below the minimum payment ({{min}}).',
  exceeds_due: 'The amount exceeds what is owed ({{due}}) and overpayment is not allowed.',
  no_rows: 'The file has no payment rows.',
}
