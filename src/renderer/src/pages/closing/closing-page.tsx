/** Placeholder until the ClosingPage page lands in this change. */
export function ClosingPage() {
  return null
}
