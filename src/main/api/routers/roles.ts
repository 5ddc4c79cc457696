import { getRoleMatrix, setRolePermissions } from '@core/roles'
import { roleUpdateInput } from '@shared/schemas'
import { procedure, router } from '../trpc'

export const rolesRouter = router({
  matrix: procedure('roles.view').query(({ ctx }) =>
    getRoleMatrix(ctx.services, ctx.user.companyId),
  ),
  update: procedure('roles.manage')
    .input(roleUpdateInput)
    .mutation(async ({ ctx, input }) => ({
      role: input.role,
      permissions: await setRolePermissions(
        ctx.services,
        ctx.actor,
        ctx.user.companyId,
        input.role,
        input.permissions,
      ),
    })),
})
