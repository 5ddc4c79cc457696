import { queryClient, trpc } from '../../api/client'

/**
 * After a catalogue change: every catalogue list, and the customer pages and lists, which show
 * package names and the prices that come from packages and price lists.
 */
export function refreshCatalog(): void {
  void queryClient.invalidateQueries(trpc.catalog.pathFilter())
  void queryClient.invalidateQueries(trpc.customers.pathFilter())
}
