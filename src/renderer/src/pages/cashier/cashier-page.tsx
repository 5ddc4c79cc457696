/** Placeholder until the CashierPage page lands in this change. */
export function CashierPage() {
  return null
}
