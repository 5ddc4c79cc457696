/** Placeholder until the PaymentsPage page lands in this change. */
export function PaymentsPage() {
  return null
}
