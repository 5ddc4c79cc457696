import { queryClient, trpc } from '../../api/client'

/**
 * After a change to a customer: every page of every list (a new name moves it, a new status
 * filters it), the customer's own page, and the areas' customer counts.
 */
export function refreshCustomers(id?: number): void {
  void queryClient.invalidateQueries(trpc.customers.list.pathFilter())
  if (id) void queryClient.invalidateQueries(trpc.customers.get.queryFilter({ id }))
  void queryClient.invalidateQueries(trpc.catalog.areas.queryFilter())
}
