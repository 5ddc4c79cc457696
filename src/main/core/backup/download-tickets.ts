import { randomBytes } from 'node:crypto'
import type { Clock } from '../clock'
import type { Db } from '../db'

/** How long a download link from the page stays good. */
export const DOWNLOAD_TICKET_MS = 60_000

interface Ticket {
  file: string
  companyId: number
  expiresAt: number
}

// In memory and per database: a restart (or a restore) forgets every ticket, as it should.
const tickets = new WeakMap<Db, Map<string, Ticket>>()

/**
 * A browser's `<a href>` cannot carry the session's Authorization header: the page asks for a
 * ticket (a signed-in call with backup.manage) and the link carries that instead. One use, one
 * minute, one file.
 */
export function issueDownloadTicket(
  db: Db,
  clock: Clock,
  file: string,
  companyId: number,
): { ticket: string; expiresAt: string } {
  const now = clock.now().getTime()
  const store = tickets.get(db) ?? new Map<string, Ticket>()
  tickets.set(db, store)
  for (const [key, t] of store) if (t.expiresAt <= now) store.delete(key)
  const ticket = randomBytes(24).toString('base64url')
  store.set(ticket, { file, companyId, expiresAt: now + DOWNLOAD_TICKET_MS })
  return { ticket, expiresAt: new Date(now + DOWNLOAD_TICKET_MS).toISOString() }
}

/** The ticket's file (a bare backup file name) and company, once; null when unknown or late. */
export function redeemDownloadTicket(
  db: Db,
  clock: Clock,
  ticket: string,
): { file: string; companyId: number } | null {
  const store = tickets.get(db)
  const found = store?.get(ticket)
  if (!found) return null
  store!.delete(ticket)
  if (found.expiresAt <= clock.now().getTime()) return null
  return { file: found.file, companyId: found.companyId }
}
