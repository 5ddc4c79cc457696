/** Placeholder until the PaymentImportPage page lands in this change. */
export function PaymentImportPage() {
  return null
}
