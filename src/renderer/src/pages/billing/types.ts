import type { RouterOutputs } from '../../session/session'

export type InvoiceList = RouterOutputs['billing']['invoices']
export type InvoiceRow = InvoiceList['rows'][number]
export type InvoiceDetail = RouterOutputs['billing']['invoice']
export type InvoiceLine = InvoiceDetail['lines'][number]
export type RunResult = RouterOutputs['billing']['previewRun']
export type BillingRun = RouterOutputs['billing']['runs'][number]
