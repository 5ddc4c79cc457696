export {
  parsePaymentFile,
  parseAmount,
  parseMethod,
  parsePaymentDate,
  PAYMENT_COLUMNS,
} from './parse'
export type { PaymentField, PaymentFile, PaymentFileRow } from './parse'
export { planPaymentImport } from './plan'
export type { PaymentPlan, PlannedPayment } from './plan'
export { commitPaymentImport, previewPaymentImport } from './commit'
export type { PaymentImportResult } from './commit'
export { paymentImportErrorText, paymentImportErrorsEn, paymentImportErrorsId } from './messages'
export { paymentTemplateCsv } from './template'
