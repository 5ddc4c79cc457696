import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketPriority,
  type TicketStatus,
} from '@shared/tickets'

/** What the ticket list shows; all of it lives in the URL so a list can be shared. */
export interface TicketFilters {
  /** A status, `open` (every status still being worked), or null for all. */
  status: TicketStatus | 'open' | null
  priority: TicketPriority | null
  category: string | null
  assigneeId: number | null
  customerId: number | null
  q: string
}

export const NO_TICKET_FILTERS: TicketFilters = {
  status: null,
  priority: null,
  category: null,
  assigneeId: null,
  customerId: null,
  q: '',
}

const idParam = (text: string | null) => (text && /^\d{1,9}$/.test(text) ? Number(text) : null)

/** Reads the URL leniently: a hand-edited or outdated value is dropped, not an error. */
export function parseTicketParams(params: URLSearchParams): TicketFilters {
  const status = params.get('status') ?? ''
  const priority = params.get('priority') ?? ''
  const category = params.get('category') ?? ''
  return {
    status:
      status === 'open' || (TICKET_STATUSES as readonly string[]).includes(status)
        ? (status as TicketStatus | 'open')
        : null,
    priority: (TICKET_PRIORITIES as readonly string[]).includes(priority)
      ? (priority as TicketPriority)
      : null,
    category: /^[a-z0-9_]{1,30}$/.test(category) ? category : null,
    assigneeId: idParam(params.get('assignee')),
    customerId: idParam(params.get('customer')),
    q: (params.get('q') ?? '').trim().slice(0, 100),
  }
}

/** Only what is set, so the plain list has a plain URL. */
export function ticketParams(f: TicketFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (f.status) params.set('status', f.status)
  if (f.priority) params.set('priority', f.priority)
  if (f.category) params.set('category', f.category)
  if (f.assigneeId) params.set('assignee', String(f.assigneeId))
  if (f.customerId) params.set('customer', String(f.customerId))
  if (f.q.trim()) params.set('q', f.q.trim())
  return params
}

export function hasTicketFilters(f: TicketFilters): boolean {
  return Boolean(f.status || f.priority || f.category || f.assigneeId || f.customerId || f.q)
}

/** The API input of the list (the cursor is added per page). */
export function ticketListInput(f: TicketFilters, limit: number) {
  return {
    ...(f.status === 'open' ? { open: true } : f.status ? { status: f.status } : {}),
    priority: f.priority ?? undefined,
    category: f.category ?? undefined,
    assigneeId: f.assigneeId ?? undefined,
    customerId: f.customerId ?? undefined,
    search: f.q || undefined,
    limit,
  }
}
