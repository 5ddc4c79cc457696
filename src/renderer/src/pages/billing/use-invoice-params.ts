import { useUrlFilters } from '../../components/use-url-filters'
import { invoiceParams, NO_INVOICE_FILTERS, parseInvoiceParams } from './invoice-params'

const CODEC = { parse: parseInvoiceParams, write: invoiceParams, cleared: NO_INVOICE_FILTERS }

/** The invoice filters in the URL (see useUrlFilters). */
export function useInvoiceParams() {
  return useUrlFilters(CODEC)
}
