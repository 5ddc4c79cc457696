import { useUrlFilters } from '../../components/use-url-filters'
import { NO_FILTERS, parsePaymentParams, paymentParams } from './payment-params'

const CODEC = { parse: parsePaymentParams, write: paymentParams, cleared: NO_FILTERS }

/** The payments list's filters in the URL (see useUrlFilters). */
export function usePaymentParams() {
  return useUrlFilters(CODEC)
}
