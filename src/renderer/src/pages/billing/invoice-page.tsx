/** Placeholder until the InvoicePage page lands in this change. */
export function InvoicePage() {
  return null
}
