import { router } from '../trpc'

export const scheduleRouter = router({})
