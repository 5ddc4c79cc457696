import { queryClient, trpc } from '../../api/client'

/**
 * After anything that changes invoices: every billing answer (lists, totals, the invoice page,
 * statements, charges, run history) may be stale, so all of them are asked again.
 */
export function refreshBilling(): void {
  void queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() })
}
