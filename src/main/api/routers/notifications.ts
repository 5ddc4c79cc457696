import { z } from 'zod'
import { AppError } from '@shared/errors'
import type { Permission } from '@shared/permissions'
import { idSchema } from '@shared/schemas'
import { listNotifications, markNotificationsRead, unreadCount } from '@core/notifications'
import { sessionProcedure, router } from '../trpc'

/**
 * Everyone signed in has a bell; what it shows depends on their permissions. Not `procedure()`:
 * no single permission opens it, but a pending password change still closes it.
 */
const signedIn = sessionProcedure.use(async ({ ctx, next }) => {
  if (ctx.user.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED')
  return next()
})

const readerOf = (ctx: {
  user: { companyId: number; userId: number; permissions: Set<Permission> }
}) => ({
  companyId: ctx.user.companyId,
  userId: ctx.user.userId,
  permissions: ctx.user.permissions,
})

export const notificationsRouter = router({
  list: signedIn
    .input(z.object({ limit: z.number().int().min(1).max(100).default(30) }).default({ limit: 30 }))
    .query(({ ctx, input }) => listNotifications(ctx.services.db, readerOf(ctx), input.limit)),
  unreadCount: signedIn.query(async ({ ctx }) => ({
    count: await unreadCount(ctx.services.db, readerOf(ctx)),
  })),
  markRead: signedIn
    .input(z.object({ ids: z.array(idSchema).min(1).max(500) }))
    .mutation(async ({ ctx, input }) => ({
      marked: await markNotificationsRead(ctx.services, readerOf(ctx), input.ids),
    })),
  markAllRead: signedIn.mutation(async ({ ctx }) => ({
    marked: await markNotificationsRead(ctx.services, readerOf(ctx), 'all'),
  })),
})
