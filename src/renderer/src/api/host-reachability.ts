import { useSyncExternalStore } from 'react'
import { errorCodeOf } from './errors'

/**
 * Whether the host answers, for pages served over HTTP (a client PC, a LAN browser). Fed by the
 * API calls themselves, so the first failing call (a payment being saved) raises the banner at
 * once; while the host is away `/api/health` is asked every few seconds to notice its return.
 * The desktop host's own window talks over IPC and never loses its host.
 */
const RETRY_MS = 3000

let unreachable = false
let timer: ReturnType<typeof setTimeout> | null = null
const listeners = new Set<() => void>()
let onBack: () => void = () => {}

const overHttp = () => typeof window !== 'undefined' && !window.loket

function set(value: boolean): void {
  if (unreachable === value) return
  unreachable = value
  for (const listener of listeners) listener()
  if (!value) onBack()
}

async function healthy(): Promise<boolean> {
  try {
    const response = await fetch('/api/health', { cache: 'no-store' })
    return response.ok
  } catch {
    return false
  }
}

function pollUntilBack(): void {
  if (timer) return
  timer = setTimeout(() => {
    timer = null
    void healthy().then((ok) => (ok ? set(false) : pollUntilBack()))
  }, RETRY_MS)
}

/** Called for every failed call: only "no answer at all" means the host is away. */
export function noteApiError(error: unknown): void {
  if (!overHttp() || errorCodeOf(error) !== 'NETWORK') return
  set(true)
  pollUntilBack()
}

/** Any answer from the API means the host is back. */
export function noteApiAnswer(): void {
  if (unreachable) set(false)
}

/** "Coba sambung lagi" in the banner: ask now instead of waiting for the next poll. */
export async function checkHostNow(): Promise<void> {
  if (await healthy()) set(false)
}

/** What to do when the host is back (refetch what failed meanwhile). */
export function onHostBack(callback: () => void): void {
  onBack = callback
}

export function useHostUnreachable(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => unreachable,
  )
}
