import { paymentImportErrorsEn } from '@shared/messages/payment-import'
import type { idPaymentImport } from './id-payment-import'

/** English texts of the payment-import pages; same keys as `id-payment-import.ts`. */
export const enPaymentImport: typeof idPaymentImport = {
  paymentImport: {
    title: 'Import payments',
    intro:
      'Record many payments at once from a bank statement or a collector’s list. Check the preview first; nothing is saved until you press Import.',
    back: 'Back to payments',
    steps: { file: 'File', preview: 'Preview' },
    stepHints: { file: 'CSV or Excel', preview: 'Check every row' },
    file: 'Payment file',
    fileHint:
      'Columns: kode_pelanggan, jumlah, metode, referensi, tanggal (catatan may be added). A .csv or .xlsx file.',
    filePlaceholder: 'Choose a .csv or .xlsx file',
    fileRequired: 'Choose a file first.',
    fileReadFailed: 'The file could not be read from this computer. Try choosing it again.',
    showPreview: 'Show preview',
    template: 'Download example',
    templateHint:
      'An example CSV with the right columns and how to write amounts, methods and dates.',
    templateFailed: 'The example could not be downloaded',
    processing: 'Checking the file…',
    count: 'Payments',
    total: 'Total',
    problems: 'Rows with problems',
    errorsTitle: '{{count}} problems found. Nothing will be imported.',
    errorsHint:
      'Fix the rows marked in red in the file, save it, then choose the file again. The import runs only when every row is right.',
    ready: 'Every row is right. Check once more, then import.',
    colRow: 'Row',
    colCustomer: 'Customer',
    colAmount: 'Amount',
    colMethod: 'Method',
    colReference: 'Reference',
    colDate: 'Date',
    colBalance: 'Owed before',
    colCredit: 'To credit',
    colProblem: 'Problem',
    unknownCustomer: 'unknown',
    moreRows: 'Showing {{shown}} of {{total}} rows.',
    changeFile: 'Change file',
    commit_one: 'Import {{count}} payment',
    commit_other: 'Import {{count}} payments',
    confirmTitle: 'Import the payments?',
    confirmBody:
      '{{count}} payments totalling {{total}} will be recorded on the dates in the file and get receipt numbers. A wrong payment can only be reversed one by one.',
    confirm: 'Yes, import',
    doneTitle: 'Payments imported',
    doneBody: '{{count}} payments totalling {{total}} from {{fileName}} are recorded.',
    receipts: 'Receipt numbers: {{first}} to {{last}}',
    doneNotice: 'The payments from {{fileName}} are recorded.',
    toPayments: 'View payments',
    again: 'Import another file',
    methods: { cash: 'Cash', transfer: 'Transfer', ewallet: 'E-wallet', gateway: 'Gateway' },
    columns: {
      kode_pelanggan: 'Customer code',
      jumlah: 'Amount',
      metode: 'Method',
      referensi: 'Reference',
      tanggal: 'Date',
      catatan: 'Notes',
    },
    errors: paymentImportErrorsEn,
  },
}
