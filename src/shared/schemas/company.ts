import { z } from 'zod'
import { COMPANY_TIME_ZONES } from '../dates'
import {
  newPasswordSchema,
  optionalEmailSchema,
  optionalNpwpSchema,
  optionalPhoneSchema,
  passwordBesideUsername,
  phoneSchema,
  requiredText,
  trimmed,
  usernameSchema,
} from './common'

const timeZoneIds = COMPANY_TIME_ZONES.map((z) => z.id) as [string, ...string[]]

export const companyProfileInput = z.object({
  name: requiredText(120),
  address: trimmed(500).default(''),
  phone: phoneSchema,
  email: optionalEmailSchema,
  npwp: optionalNpwpSchema,
  timeZone: z.enum(timeZoneIds, { message: 'validation.time_zone' }).default('Asia/Jakarta'),
})
export type CompanyProfileInput = z.input<typeof companyProfileInput>

/** Security settings that are company policy (DESIGN.md: idle 8 h, absolute 7 days). */
export const securitySettingsInput = z.object({
  sessionIdleMinutes: z
    .number({ message: 'validation.out_of_range' })
    .int({ message: 'validation.out_of_range' })
    .min(5, { message: 'validation.out_of_range' })
    .max(7 * 24 * 60, { message: 'validation.out_of_range' }),
  sessionAbsoluteDays: z
    .number({ message: 'validation.out_of_range' })
    .int({ message: 'validation.out_of_range' })
    .min(1, { message: 'validation.out_of_range' })
    .max(90, { message: 'validation.out_of_range' }),
})
export type SecuritySettings = z.output<typeof securitySettingsInput>

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  sessionIdleMinutes: 8 * 60,
  sessionAbsoluteDays: 7,
}

export const companyUpdateInput = companyProfileInput.extend({
  security: securitySettingsInput,
})

export const setupAdminInput = z
  .object({
    name: requiredText(120),
    username: usernameSchema,
    password: newPasswordSchema,
  })
  .superRefine(passwordBesideUsername)

export const setupInput = z.object({
  company: companyProfileInput,
  admin: setupAdminInput,
  /** The one-time code a fresh LAN host shows; needed only from another PC (see api setup). */
  setupCode: z.string().max(64).optional(),
})
export type SetupInput = z.input<typeof setupInput>

/** The CLI's `init` (the wizard without a browser) may leave the phone for the settings page. */
export const cliSetupInput = setupInput.extend({
  company: companyProfileInput.extend({ phone: optionalPhoneSchema }),
})
