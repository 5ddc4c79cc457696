import { PAYMENT_METHODS, type PaymentMethod } from '@shared/billing'
import { isCalendarDate } from '@shared/dates'

/** What the payment list shows; all of it lives in the URL so a list can be shared. */
export interface PaymentFilters {
  from: string
  to: string
  method: PaymentMethod | null
  q: string
}

export const NO_FILTERS: PaymentFilters = { from: '', to: '', method: null, q: '' }

function dateParam(text: string | null): string {
  return text && isCalendarDate(text) ? text : ''
}

/** Reads the URL leniently: a hand-edited or outdated value is dropped, not an error. */
export function parsePaymentParams(params: URLSearchParams): PaymentFilters {
  const method = params.get('method')
  return {
    from: dateParam(params.get('from')),
    to: dateParam(params.get('to')),
    method: (PAYMENT_METHODS as readonly string[]).includes(method ?? '')
      ? (method as PaymentMethod)
      : null,
    q: (params.get('q') ?? '').trim().slice(0, 100),
  }
}

/** Only what is set, so the plain list has a plain URL. */
export function paymentParams(filters: PaymentFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.from) params.set('from', filters.from)
  if (filters.to) params.set('to', filters.to)
  if (filters.method) params.set('method', filters.method)
  if (filters.q.trim()) params.set('q', filters.q.trim())
  return params
}

export function hasPaymentFilters(f: PaymentFilters): boolean {
  return Boolean(f.from || f.to || f.method || f.q)
}

/** The API input of the list (the cursor is added per page). */
export function paymentListInput(f: PaymentFilters, limit: number) {
  return {
    from: f.from || undefined,
    to: f.to || undefined,
    method: f.method ?? undefined,
    q: f.q || undefined,
    limit,
  }
}
