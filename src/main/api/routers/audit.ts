import { listAudit, listAuditActions, verifyAuditChain } from '@core/audit'
import { auditListInput } from '@shared/schemas'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

export const auditRouter = router({
  list: procedure('audit.view')
    .input(auditListInput)
    .query(async ({ ctx, input }) => {
      return listAudit(ctx.services.db, ctx.user.companyId, await timeZoneOf(ctx), input)
    }),
  actions: procedure('audit.view').query(({ ctx }) =>
    listAuditActions(ctx.services.db, ctx.user.companyId),
  ),
  verify: procedure('audit.view').query(({ ctx }) => verifyAuditChain(ctx.services.db)),
})
