export { runBilling } from './run'
export type { RunOptions, RunResult } from './run'
export { planRun, totalsOf } from './run-plan'
export { writeInvoices } from './run-commit'
export type { PlannedInvoice, PlannedLine, RunPlan, Skipped } from './run-plan'
export { usageCharge, usageFromCounters, usageMonth } from './usage'
export type { UsageLine, UsagePricing, UsageService, UsageSource } from './usage'
export { anchorDay, coveredPeriod, periodContaining, periodStartingIn } from './schedule'
export type { Period } from './schedule'
export { cashRounding, dueDateFor, prorate, taxFor } from './amounts'
export { formatDocumentNumber, takeDocumentNumbers } from './numbers'
export {
  customerMoneyTurn,
  moneyTurnOf,
  openInvoicesOf,
  splitAmount,
  insertAllocations,
} from './allocation'
export type { OpenInvoice } from './allocation'
export { refreshInvoices } from './invoice-state'
export { addCredit, applyCredit, creditBalance, paymentCredit } from './credit'
export { createCreditNote, insertCreditNote } from './credit-notes'
export { getInvoice, customerStatement } from './invoice-queries'
export type { InvoiceDetail, StatementEntry } from './invoice-queries'
export { listInvoices, upcomingInvoices } from './invoice-list'
export type { InvoiceListRow, UpcomingInvoices } from './invoice-list'
export {
  addCharge,
  cancelCharge,
  createDraftInvoice,
  deleteDraft,
  issueInvoice,
  listCharges,
  voidInvoice,
} from './invoice-actions'
export { companyHeader, creditNotePdf, invoiceDocument, invoicePdf } from './invoice-document'
