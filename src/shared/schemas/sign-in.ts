import { z } from 'zod'
import { ROLES } from '../permissions'
import { idSchema, newPasswordSchema } from './common'
import { loginInput } from './users'

/**
 * Sign-in security: the second step (a one-time code), password reset, the user's sessions and
 * trusted devices, and the company's 2FA rule.
 */
const challengeSchema = z
  .string()
  .min(10, { message: 'validation.invalid' })
  .max(100, { message: 'validation.invalid' })

export const otpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: 'validation.otp_code' })

/** Kept by the browser after "Ingat perangkat ini": skips the code on this device for 30 days. */
export const deviceTokenSchema = z.string().min(10).max(100)

export const signInInput = loginInput.extend({ deviceToken: deviceTokenSchema.optional() })

export const verifyOtpInput = z.object({
  challenge: challengeSchema,
  code: otpCodeSchema,
  trustDevice: z.boolean().default(false),
})

export const challengeInput = z.object({ challenge: challengeSchema })

/** Where the person would rather get the code; the other one is used when theirs lacks it. */
export const RESET_CHANNELS = ['whatsapp', 'email'] as const

export const passwordResetRequestInput = loginInput.pick({ username: true }).extend({
  channel: z.enum(RESET_CHANNELS, { message: 'validation.invalid' }).optional(),
})

export const passwordResetInput = z.object({
  challenge: challengeSchema,
  code: otpCodeSchema,
  newPassword: newPasswordSchema,
})

export const sessionIdInput = z.object({ id: idSchema })

export const userSessionInput = z.object({
  /** The user. */
  id: idSchema,
  /** One session of theirs; every session when left out. */
  sessionId: idSchema.optional(),
})

export const userDeviceInput = z.object({ id: idSchema, deviceId: idSchema })

/** off; required for the chosen roles; or required for the chosen users. */
export const TWO_FACTOR_MODES = ['off', 'roles', 'users'] as const
export type TwoFactorMode = (typeof TWO_FACTOR_MODES)[number]

export const twoFactorSettingsInput = z.object({
  mode: z.enum(TWO_FACTOR_MODES, { message: 'validation.invalid' }),
  roles: z.array(z.enum(ROLES, { message: 'validation.role' })).max(ROLES.length),
  userIds: z.array(idSchema).max(500),
})
export type TwoFactorSettings = z.output<typeof twoFactorSettingsInput>

export const DEFAULT_TWO_FACTOR_SETTINGS: TwoFactorSettings = {
  mode: 'off',
  roles: [],
  userIds: [],
}

/** Whether the rule asks this user for a code (the host at sign-in, the Pengguna page's badge). */
export function twoFactorCovers(
  settings: TwoFactorSettings,
  user: { id: number; role: string },
): boolean {
  if (settings.mode === 'roles') return (settings.roles as readonly string[]).includes(user.role)
  if (settings.mode === 'users') return settings.userIds.includes(user.id)
  return false
}
