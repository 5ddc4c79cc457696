import { router } from '../trpc'

/** Bulk payment import from a bank statement or a collector's list (filled in this change). */
export const paymentImportRouter = router({})
