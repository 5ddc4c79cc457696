import { router } from '../trpc'

/** Reports: receivables with aging, invoiced vs collected, payments, revenue (filled in this change). */
export const reportsRouter = router({})
