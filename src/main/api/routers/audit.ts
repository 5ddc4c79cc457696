import { listAudit, listAuditActions, verifyAuditChain } from '@core/audit'
import { getCompany } from '@core/companies'
import { auditListInput } from '@shared/schemas'
import { procedure, router } from '../trpc'

export const auditRouter = router({
  list: procedure('audit.view')
    .input(auditListInput)
    .query(async ({ ctx, input }) => {
      const company = await getCompany(ctx.services, ctx.user.companyId)
      return listAudit(ctx.services.db, ctx.user.companyId, company.timeZone, input)
    }),
  actions: procedure('audit.view').query(({ ctx }) =>
    listAuditActions(ctx.services.db, ctx.user.companyId),
  ),
  verify: procedure('audit.view').query(({ ctx }) => verifyAuditChain(ctx.services.db)),
})
