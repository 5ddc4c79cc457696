import { router } from '../trpc'

export const collectionsRouter = router({})
