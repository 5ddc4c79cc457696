import { isOpenTicket, type TicketStatus } from '@shared/tickets'

export interface SlaState {
  /** Whole minutes until the resolution is due (negative once late); null when closed. */
  minutesLeft: number | null
  /** Resolution: late now (open) or resolved after the due time (selesai). */
  breached: boolean
  /** First response: given late, or not given and already late. */
  firstResponseBreached: boolean
}

const MINUTE = 60_000

/**
 * A ticket's SLA as of `now` (the host's clock): the resolution is measured to the time it went
 * to selesai; a cancelled ticket breaches nothing. A reopened ticket keeps its due times: the
 * customer's problem was not solved by then.
 */
export function slaState(
  t: {
    status: string
    resolution_due_at: string
    first_response_due_at: string
    resolved_at: string | null
    first_responded_at: string | null
  },
  now: Date,
): SlaState {
  const status = t.status as TicketStatus
  const due = Date.parse(t.resolution_due_at)
  const responseDue = Date.parse(t.first_response_due_at)
  const open = isOpenTicket(status)
  const responded = t.first_responded_at ? Date.parse(t.first_responded_at) : null
  const firstResponseBreached =
    responded !== null ? responded > responseDue : open && now.getTime() > responseDue
  if (open) {
    return {
      minutesLeft: Math.floor((due - now.getTime()) / MINUTE),
      breached: now.getTime() > due,
      firstResponseBreached,
    }
  }
  const resolved = status === 'selesai' && t.resolved_at ? Date.parse(t.resolved_at) : null
  return { minutesLeft: null, breached: resolved !== null && resolved > due, firstResponseBreached }
}

/** The due times of a ticket created at `at` with these targets. */
export function dueTimes(
  at: Date,
  target: { firstResponseMinutes: number; resolutionMinutes: number },
) {
  return {
    firstResponseDueAt: new Date(at.getTime() + target.firstResponseMinutes * MINUTE).toISOString(),
    resolutionDueAt: new Date(at.getTime() + target.resolutionMinutes * MINUTE).toISOString(),
  }
}
