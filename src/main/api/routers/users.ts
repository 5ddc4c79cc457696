import { AppError } from '@shared/errors'
import { endUserSessions, revokeTrustedDevice, userDevices } from '@core/auth'
import { createUser, listUsers, resetUserPassword, setUserActive, updateUser } from '@core/users'
import {
  userDeviceInput,
  userSessionInput,
  userCreateInput,
  userIdInput,
  userListInput,
  userResetPasswordInput,
  userUpdateInput,
} from '@shared/schemas'
import { procedure, router } from '../trpc'

/** Another user's sessions and devices are the superadmin's business only. */
function superadminOnly(role: string): void {
  if (role !== 'superadmin') throw new AppError('SUPERADMIN_ONLY')
}

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
  /** A user's live sessions and trusted devices (superadmin). */
  sessions: procedure('users.manage')
    .input(userIdInput)
    .query(async ({ ctx, input }) => {
      superadminOnly(ctx.user.role)
      return userDevices(
        ctx.services,
        { userId: input.id, companyId: ctx.user.companyId },
        ctx.user.sessionId,
      )
    }),
  /** Ends one session of a user, or all of them (superadmin); effective at their next request. */
  endSessions: procedure('users.manage')
    .input(userSessionInput)
    .mutation(async ({ ctx, input }) => {
      superadminOnly(ctx.user.role)
      return endUserSessions(ctx.services, ctx.actor, {
        userId: input.id,
        sessionId: input.sessionId,
        // "End all" from one's own row keeps the session doing it.
        keep: input.id === ctx.user.userId ? ctx.user.sessionId : undefined,
      })
    }),
  revokeDevice: procedure('users.manage')
    .input(userDeviceInput)
    .mutation(async ({ ctx, input }) => {
      superadminOnly(ctx.user.role)
      return revokeTrustedDevice(ctx.services, ctx.actor, {
        userId: input.id,
        deviceId: input.deviceId,
      })
    }),
})
