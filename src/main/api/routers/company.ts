import { getCompany, updateCompany } from '@core/companies'
import { companyUpdateInput } from '@shared/schemas'
import { procedure, router } from '../trpc'

export const companyRouter = router({
  get: procedure('company.view').query(({ ctx }) => getCompany(ctx.services, ctx.user.companyId)),
  update: procedure('company.manage')
    .input(companyUpdateInput)
    .mutation(({ ctx, input }) =>
      updateCompany(ctx.services, ctx.actor, ctx.user.companyId, input),
    ),
})
