import type { idPaymentImport } from './id-payment-import'

/** English texts of the payment-import pages; same keys as `id-payment-import.ts`. */
export const enPaymentImport: typeof idPaymentImport = {
  paymentImport: { title: 'paymentImport' },
}
