/** Placeholder until the InvoicesPage page lands in this change. */
export function InvoicesPage() {
  return null
}
