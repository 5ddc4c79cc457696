import {
  changeOwnPassword,
  endUserSessions,
  login,
  logout,
  requestPasswordReset,
  resendPasswordReset,
  resendSignInCode,
  resetPasswordWithCode,
  revokeTrustedDevice,
  userDevices,
  verifySignInCode,
} from '@core/auth'
import { getCompany } from '@core/companies'
import {
  challengeInput,
  changePasswordInput,
  passwordResetInput,
  passwordResetRequestInput,
  sessionIdInput,
  signInInput,
  verifyOtpInput,
} from '@shared/schemas'
import { publicProcedure, router, sessionProcedure } from '../trpc'

const client = (caller: { ip: string; userAgent: string }) => ({
  ip: caller.ip,
  userAgent: caller.userAgent,
})

export const authRouter = router({
  /** `{token, …}`, or `{otpRequired: true, challenge, …}` when the company's 2FA rule asks for a code. */
  login: publicProcedure
    .input(signInInput)
    .mutation(({ ctx, input }) => login(ctx.services, input, client(ctx.caller))),
  /** The code of the second step: the session token (and a trusted device's, when asked). */
  verifyOtp: publicProcedure
    .input(verifyOtpInput)
    .mutation(({ ctx, input }) => verifySignInCode(ctx.services, input, client(ctx.caller))),
  resendOtp: publicProcedure
    .input(challengeInput)
    .mutation(({ ctx, input }) => resendSignInCode(ctx.services, input, client(ctx.caller))),
  /** "Lupa kata sandi": always the same answer, whether the username exists or not. */
  requestPasswordReset: publicProcedure
    .input(passwordResetRequestInput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.services, input, client(ctx.caller))),
  resendPasswordReset: publicProcedure
    .input(challengeInput)
    .mutation(({ ctx, input }) => resendPasswordReset(ctx.services, input, client(ctx.caller))),
  resetPassword: publicProcedure
    .input(passwordResetInput)
    .mutation(({ ctx, input }) => resetPasswordWithCode(ctx.services, input, client(ctx.caller))),
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
      /** Which modules are on: the menus, pages and report tabs of one that is off are hidden. */
      modules: ctx.user.modules,
      version: ctx.services.version,
    }
  }),
  changePassword: sessionProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await changeOwnPassword(ctx.services, ctx.user, ctx.actor, input)
    return { ok: true as const }
  }),
  /** "Perangkat aktif": the signed-in user's own sessions and trusted devices. */
  sessions: sessionProcedure.query(({ ctx }) =>
    userDevices(
      ctx.services,
      { userId: ctx.user.userId, companyId: ctx.user.companyId },
      ctx.user.sessionId,
    ),
  ),
  endSession: sessionProcedure
    .input(sessionIdInput)
    .mutation(({ ctx, input }) =>
      endUserSessions(ctx.services, ctx.actor, { userId: ctx.user.userId, sessionId: input.id }),
    ),
  /** Every session of the user but this one. */
  endOtherSessions: sessionProcedure.mutation(({ ctx }) =>
    endUserSessions(ctx.services, ctx.actor, {
      userId: ctx.user.userId,
      keep: ctx.user.sessionId,
    }),
  ),
  revokeDevice: sessionProcedure.input(sessionIdInput).mutation(({ ctx, input }) =>
    revokeTrustedDevice(ctx.services, ctx.actor, {
      userId: ctx.user.userId,
      deviceId: input.id,
    }),
  ),
})
