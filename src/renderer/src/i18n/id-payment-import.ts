/** Indonesian texts of the payment-import pages. */
export const idPaymentImport = {
  paymentImport: { title: 'paymentImport' },
}
