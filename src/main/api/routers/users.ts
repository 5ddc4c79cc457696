import { createUser, listUsers, resetUserPassword, setUserActive, updateUser } from '@core/users'
import {
  userCreateInput,
  userIdInput,
  userListInput,
  userResetPasswordInput,
  userUpdateInput,
} from '@shared/schemas'
import { procedure, router } from '../trpc'

const acting = (user: { userId: number; role: import('@shared/permissions').Role }) => ({
  userId: user.userId,
  role: user.role,
})

export const usersRouter = router({
  list: procedure('users.view')
    .input(userListInput)
    .query(({ ctx, input }) => listUsers(ctx.services, ctx.user.companyId, input)),
  create: procedure('users.manage')
    .input(userCreateInput)
    .mutation(({ ctx, input }) => createUser(ctx.services, ctx.actor, acting(ctx.user), input)),
  update: procedure('users.manage')
    .input(userUpdateInput)
    .mutation(({ ctx, input }) => updateUser(ctx.services, ctx.actor, acting(ctx.user), input)),
  resetPassword: procedure('users.manage')
    .input(userResetPasswordInput)
    .mutation(({ ctx, input }) =>
      resetUserPassword(
        ctx.services,
        ctx.actor,
        acting(ctx.user),
        { companyId: ctx.user.companyId, id: input.id },
        input.password,
      ),
    ),
  deactivate: procedure('users.manage')
    .input(userIdInput)
    .mutation(({ ctx, input }) =>
      setUserActive(ctx.services, ctx.actor, acting(ctx.user), input.id, false),
    ),
  reactivate: procedure('users.manage')
    .input(userIdInput)
    .mutation(({ ctx, input }) =>
      setUserActive(ctx.services, ctx.actor, acting(ctx.user), input.id, true),
    ),
})
