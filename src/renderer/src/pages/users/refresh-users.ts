import { queryClient, trpc } from '../../api/client'

/** Every users list (whatever its search) is stale after a change. */
export function refreshUsers(): void {
  void queryClient.invalidateQueries(trpc.users.list.pathFilter())
}
