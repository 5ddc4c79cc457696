import { router } from '../trpc'

export const messagingRouter = router({})
