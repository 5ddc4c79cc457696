/** Placeholder until the ReportsPage page lands in this change. */
export function ReportsPage() {
  return null
}
