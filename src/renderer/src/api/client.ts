import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client'
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query'
import type { AppRouter } from '@api/router'
import { errorCodeOf, uiErrorOf } from './errors'
import { noteApiAnswer, noteApiError, onHostBack } from './host-reachability'
import { ipcLink } from './ipc-link'
import { ENDED_ELSEWHERE, clearToken, getToken, setToken } from './token'

const http = {
  url: '/api/trpc',
  headers: () => {
    const token = getToken()
    return token ? { Authorization: `Bearer ${token}` } : {}
  },
}

/**
 * In Electron the preload bridge carries calls over IPC; in a LAN browser, HTTP does. Queries
 * fired together (a page opening) share one request; a mutation (a payment at the counter) goes
 * out at once instead of waiting for the batch's timer tick.
 */
export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    window.loket
      ? ipcLink(window.loket, getToken)
      : splitLink({
          condition: (op) => op.type === 'mutation',
          true: httpLink(http),
          false: httpBatchLink(http),
        }),
  ],
})

/**
 * Session problems are handled once, here, for every call: an ended session drops the token
 * (the route guards then show the sign-in page with the reason), and a pending forced password
 * change refreshes `auth.me`, whose flag sends the user to the change-password screen.
 */
function onApiError(error: unknown, meta: Record<string, unknown> | undefined): void {
  noteApiError(error)
  // `meta: { ownAuthHandling: true }` opts a call out (sign-out handles its own failure).
  if (meta?.ownAuthHandling === true) return
  const { code, details } = uiErrorOf(error)
  if (code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED' || code === 'AUTH_USER_INACTIVE') {
    // Ended from "Perangkat aktif" on another device: the sign-in page says that, not "sign in".
    if (getToken()) clearToken(details.ended === 'elsewhere' ? ENDED_ELSEWHERE : code)
  } else if (code === 'PASSWORD_CHANGE_REQUIRED') {
    void queryClient.invalidateQueries(trpc.auth.me.queryFilter())
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => onApiError(error, query.meta),
    onSuccess: noteApiAnswer,
  }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => onApiError(error, mutation.meta),
    onSuccess: noteApiAnswer,
  }),
  defaultOptions: {
    queries: {
      // Only an unreachable server is worth retrying; an API answer will not change by asking again.
      retry: (failures, error) => failures < 2 && errorCodeOf(error) === 'NETWORK',
      staleTime: 15_000,
    },
    mutations: { retry: false },
  },
})

// What failed while the host was away is asked again once it answers.
onHostBack(() => void queryClient.invalidateQueries())

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient })

/** Starts a session: the previous user's cached data must not leak into the new one. */
export function signIn(token: string): void {
  queryClient.clear()
  setToken(token)
}

export function signOut(reason: string | null = null): void {
  clearToken(reason)
  queryClient.clear()
}
