import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client'
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query'
import { useSyncExternalStore } from 'react'
import type { AppRouter } from '@api/router'
import { errorCodeOf, uiErrorOf } from './errors'

/**
 * The customer portal's own API client: its own token (never the staff session's, which stays
 * under `loket.token`), its own query cache. A customer's token lives in localStorage (a phone
 * keeps the portal open across reloads; the server's timeouts decide how long it is good). A
 * staff member's read-only view ("Buka portal sebagai pelanggan") arrives in the address's
 * fragment and is kept in sessionStorage only: closing the tab ends it on this PC.
 */
const KEY = 'loket.portal.token'
const VIEW_KEY = 'loket.portal.view'
const listeners = new Set<() => void>()
let endReason: string | null = null

function notify(): void {
  for (const l of listeners) l()
}

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key)
  } catch {
    return null
  }
}

/** A staff view's token handed over in `#view=…`, moved to sessionStorage and out of the address. */
export function takeStaffViewToken(): void {
  const m = /^#view=([A-Za-z0-9_-]{10,200})$/.exec(window.location.hash)
  if (!m) return
  sessionStorage.setItem(VIEW_KEY, m[1]!)
  history.replaceState(null, '', window.location.pathname + window.location.search)
  notify()
}

export function getPortalToken(): string | null {
  return read(() => sessionStorage, VIEW_KEY) ?? read(() => localStorage, KEY)
}

export function setPortalToken(token: string): void {
  localStorage.setItem(KEY, token)
  endReason = null
  portalQueryClient.clear()
  notify()
}

export function clearPortalToken(reason: string | null = null): void {
  try {
    sessionStorage.removeItem(VIEW_KEY)
    localStorage.removeItem(KEY)
  } catch {
    // Nothing stored, nothing to forget.
  }
  endReason = reason
  portalQueryClient.clear()
  notify()
}

/** Why the last portal session ended (shown once on Masuk). */
export function portalEndedBecause(): string | null {
  return endReason
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function usePortalToken(): string | null {
  return useSyncExternalStore(subscribe, getPortalToken)
}

const http = {
  url: '/api/trpc',
  headers: (): Record<string, string> => {
    const token = getPortalToken()
    return token ? { Authorization: `Bearer ${token}` } : {}
  },
}

export const portalTrpcClient = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'mutation',
      true: httpLink(http),
      false: httpBatchLink(http),
    }),
  ],
})

function onError(error: unknown): void {
  const { code } = uiErrorOf(error)
  if ((code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED') && getPortalToken())
    clearPortalToken(code)
}

export const portalQueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      retry: (failures, error) => failures < 2 && errorCodeOf(error) === 'NETWORK',
      staleTime: 15_000,
    },
    mutations: { retry: false },
  },
})

export const portalTrpc = createTRPCOptionsProxy<AppRouter>({
  client: portalTrpcClient,
  queryClient: portalQueryClient,
})
