export {
  receivablesByCustomer,
  receivablesByInvoice,
  receivablesSummary,
  emptyBuckets,
  explainReceivables,
} from './receivables'
export type {
  BucketAmounts,
  ReceivableCustomer,
  ReceivableInvoice,
  ReceivablesDetail,
  ReceivablesParams,
  ReceivablesReport,
  ReceivablesSummary,
} from './receivables'
export { invoicedVsCollected, collectionRate } from './collection'
export type { CollectionReport, CollectionRow } from './collection'
export { paymentsReport } from './payments-report'
export type { CountAmount, DateRange, PaymentsReport } from './payments-report'
export { revenueReport, REVENUE_GROUPS } from './revenue'
export type { RevenueGroup, RevenueReport, RevenueRow } from './revenue'
export { periodInvoices, PAID_FILTERS, SERVICE_GROUPS } from './invoices-report'
export type {
  InvoiceSelection,
  PaidFilter,
  PeriodInvoice,
  PeriodInvoicesReport,
  ServiceGroup,
} from './invoices-report'
export { customerCounts } from './customer-counts'
export type { CustomerCountRow, CustomerCountsReport } from './customer-counts'
export { customerFilter, filtersOf } from './filters'
export { revenueTrend, changePercent } from './revenue-trend'
export { customerPaymentHistory } from './customer-payments'
export type { CustomerPaymentHistory, HistoryInvoice, HistoryPayment } from './customer-payments'
export type { RevenueTrendReport, RevenueTrendRow } from './revenue-trend'
export type { ReportFilters } from './filters'
export { periodsIn } from './periods'
export { ticketsReport, slaRate } from './tickets-report'
export type { TicketCounts, TicketsReport } from './tickets-report'
export type { PeriodRange } from './periods'
export {
  exportReport,
  renderReport,
  receivablesTable,
  receivablesDetailTable,
  collectionTable,
  paymentsTable,
  revenueTable,
  invoicesTable,
  customerCountsTable,
  revenueTrendTable,
  ticketsTable,
  TICKETS_BASIS,
  TICKET_PRIORITY_LABELS,
  filterLabel,
  labelFilters,
  CUSTOMER_COUNTS_BASIS,
  BUCKET_LABELS,
  GROUP_LABELS,
  PAID_LABELS,
  STATUS_LABELS,
} from './export'
export type { ReportFormat, ReportRequest, ReportTable } from './export'
