import { changeOwnPassword, login, logout } from '@core/auth'
import { getCompany } from '@core/companies'
import { changePasswordInput, loginInput } from '@shared/schemas'
import { publicProcedure, router, sessionProcedure } from '../trpc'

export const authRouter = router({
  login: publicProcedure
    .input(loginInput)
    .mutation(({ ctx, input }) =>
      login(ctx.services, input, { ip: ctx.caller.ip, userAgent: ctx.caller.userAgent }),
    ),
  logout: sessionProcedure.mutation(async ({ ctx }) => {
    await logout(ctx.services, ctx.user, ctx.actor)
    return { ok: true as const }
  }),
  /** Who is signed in, their company and what they may open (the sidebar is built from this). */
  me: sessionProcedure.query(async ({ ctx }) => {
    const company = await getCompany(ctx.services, ctx.user.companyId)
    return {
      user: {
        id: ctx.user.userId,
        username: ctx.user.username,
        name: ctx.user.name,
        role: ctx.user.role,
        mustChangePassword: ctx.user.mustChangePassword,
      },
      company: { id: company.id, name: company.name, timeZone: company.timeZone },
      permissions: [...ctx.user.permissions].sort(),
      version: ctx.services.version,
    }
  }),
  changePassword: sessionProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await changeOwnPassword(ctx.services, ctx.user, ctx.actor, input)
    return { ok: true as const }
  }),
})
