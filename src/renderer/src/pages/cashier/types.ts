import type { RouterOutputs } from '../../session/session'

export type Due = RouterOutputs['payments']['due']
export type DueInvoice = Due['invoices'][number]
export type Recorded = RouterOutputs['payments']['record']
export type PaymentRow = RouterOutputs['payments']['list']['rows'][number]

/** What the success panel shows: the server's answer plus what the cashier had on screen. */
export interface Receipt {
  recorded: Recorded
  method: string
  reference: string | null
  customer: Due['customer']
  /** The invoices as they were before this payment, to name what it paid. */
  invoices: DueInvoice[]
}
