import { useSyncExternalStore } from 'react'

/**
 * The session token, kept in localStorage so a reload (or a second tab on a LAN PC) stays
 * signed in; the server's idle and absolute timeouts decide how long it is worth anything.
 * A tiny store so route guards re-render the moment a sign-out drops it.
 */
const KEY = 'loket.token'
const listeners = new Set<() => void>()
/** Why the last session ended (shown once on the sign-in page), or null for a plain sign-out. */
let endReason: string | null = null

function notify(): void {
  for (const listener of listeners) listener()
}

export function getToken(): string | null {
  try {
    return localStorage.getItem(KEY)
  } catch {
    return null
  }
}

export function setToken(token: string): void {
  localStorage.setItem(KEY, token)
  endReason = null
  notify()
}

export function clearToken(reason: string | null = null): void {
  try {
    localStorage.removeItem(KEY)
  } catch {
    // Nothing stored, nothing to forget.
  }
  endReason = reason
  notify()
}

/** The end reason of a session ended from "Perangkat aktif" on another device. */
export const ENDED_ELSEWHERE = 'ENDED_ELSEWHERE'

/** Why the last session ended, for the sign-in page; forgotten at the next sign-in. */
export function endedBecause(): string | null {
  return endReason
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  // Another tab signing out (or in) changes what this one may show.
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

export function useToken(): string | null {
  return useSyncExternalStore(subscribe, getToken)
}
