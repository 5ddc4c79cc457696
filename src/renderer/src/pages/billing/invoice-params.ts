import { ISSUE_VIEWS, PAYMENT_STATUSES, type IssueView, type PaymentStatus } from '@shared/billing'

/** What the invoice list shows; kept in the URL so a filtered list can be bookmarked or shared. */
export interface InvoiceFilters {
  q: string
  period: string | null
  status: PaymentStatus | null
  areaId: number | null
  productId: number | null
  /** Due on this day: where the notification "jatuh tempo hari ini" leads. */
  due: string | null
  /**
   * By issue date. Issued up to today by default: what customers have been billed so far, the
   * same invoices Piutang counts; the invoices an anniversary run dated later in the month are
   * one choice away ("terbit nanti") and named under the totals.
   */
  issue: IssueView
}

export const NO_INVOICE_FILTERS: InvoiceFilters = {
  q: '',
  period: null,
  status: null,
  areaId: null,
  productId: null,
  due: null,
  issue: 'issued',
}

const idParam = (text: string | null): number | null =>
  text && /^[1-9]\d{0,9}$/.test(text) ? Number(text) : null

const dateParam = (text: string | null): string | null =>
  text && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(text) ? text : null

/** Reads the URL leniently: a hand-edited or outdated value is simply no filter. */
export function parseInvoiceParams(params: URLSearchParams): InvoiceFilters {
  const period = params.get('period')
  const status = params.get('status')
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    period: period && /^\d{4}-(0[1-9]|1[0-2])$/.test(period) ? period : null,
    status: (PAYMENT_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as PaymentStatus)
      : null,
    areaId: idParam(params.get('area')),
    productId: idParam(params.get('product')),
    due: dateParam(params.get('due')),
    issue: (ISSUE_VIEWS as readonly string[]).includes(params.get('issue') ?? '')
      ? (params.get('issue') as IssueView)
      : 'issued',
  }
}

/** Only the filters that are set, so the plain list has a plain URL. */
export function invoiceParams(f: InvoiceFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (f.q.trim()) params.set('q', f.q.trim())
  if (f.period) params.set('period', f.period)
  if (f.status) params.set('status', f.status)
  if (f.areaId) params.set('area', String(f.areaId))
  if (f.productId) params.set('product', String(f.productId))
  if (f.due) params.set('due', f.due)
  if (f.issue !== 'issued') params.set('issue', f.issue)
  return params
}

export function hasInvoiceFilters(f: InvoiceFilters): boolean {
  return invoiceParams(f).size > 0
}

/** The API input of the list, without the cursor (the infinite query adds it per page). */
export function invoiceListInput(f: InvoiceFilters, limit: number) {
  return {
    q: f.q || undefined,
    period: f.period ?? undefined,
    status: f.status ?? undefined,
    areaId: f.areaId ?? undefined,
    productId: f.productId ?? undefined,
    dueDate: f.due ?? undefined,
    issue: f.issue,
    limit,
  }
}
