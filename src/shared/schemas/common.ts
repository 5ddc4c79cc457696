import { z } from 'zod'
import { isCalendarDate } from '../dates'
import { normalisePhone } from '../phone'
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../password-policy'
import { withoutControls } from '../text'

/**
 * Zod schemas shared by the API and the forms. Messages are i18n keys (`validation.*`); the UI
 * translates them, the API returns them in `details.issues`.
 */
/**
 * A NUL character has no place in any text Loket keeps: invisible on screen, it ends the string
 * in C tools and PostgreSQL refuses it outright (a 500 on one engine, stored on the other). Text
 * fields drop it, as search boxes and file names drop every control character.
 */
export const withoutNul = (value: string) => value.replaceAll('\u0000', '')

export const trimmed = (max: number) =>
  z.string().overwrite(withoutNul).trim().max(max, { message: 'validation.too_long' })

/** What a search box sends: control characters dropped (never a 500 from the full-text query). */
export const searchText = (max = 100) =>
  z
    .string()
    .transform(withoutControls)
    .pipe(z.string().trim().max(max, { message: 'validation.too_long' }))

export const requiredText = (max: number) =>
  z.string().overwrite(withoutNul).trim().min(1, { message: 'validation.required' }).max(max, {
    message: 'validation.too_long',
  })

export const optionalText = (max: number) =>
  trimmed(max)
    .optional()
    .transform((v) => (v ? v : null))

export const phoneSchema = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .transform((value, ctx) => {
    const phone = normalisePhone(value)
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'validation.phone' })
      return z.NEVER
    }
    return phone as string
  })

export const optionalPhoneSchema = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null
    const phone = normalisePhone(value)
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'validation.phone' })
      return z.NEVER
    }
    return phone as string
  })

export const optionalEmailSchema = z
  .string()
  .trim()
  .max(254, { message: 'validation.too_long' })
  .optional()
  .refine((v) => !v || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: 'validation.email' })
  .transform((v) => (v ? v.toLowerCase() : null))

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, { message: 'validation.username' })
  .max(32, { message: 'validation.username' })
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'validation.username' })

/** A new password must follow the strength rule; checked again in core with the username. */
export const newPasswordSchema = z
  .string()
  .max(200, { message: 'validation.too_long' })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value)
    if (problem === 'too_short') {
      ctx.addIssue({
        code: 'custom',
        message: 'validation.password_too_short',
        params: { min: MIN_PASSWORD_LENGTH },
      })
    } else if (problem) {
      ctx.addIssue({ code: 'custom', message: 'validation.password_too_common' })
    }
  })

/**
 * The half of the rule a form can check beside the username field: the new password must not
 * contain the username (core checks it again for every password it stores).
 */
export function passwordBesideUsername(
  value: { username: string; password: string },
  ctx: { addIssue: (issue: { code: 'custom'; path: string[]; message: string }) => void },
): void {
  if (passwordProblem(value.password, value.username) === 'contains_username') {
    ctx.addIssue({
      code: 'custom',
      path: ['password'],
      message: 'validation.password_contains_username',
    })
  }
}

export const calendarDateSchema = z
  .string()
  .refine((v): boolean => isCalendarDate(v), { message: 'validation.date' })

/** NPWP: 15 digits (old format) or 16 digits (NIK-based, from 2024); punctuation allowed. */
export const optionalNpwpSchema = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null
    const digits = value.replace(/\D/g, '')
    if (digits.length !== 15 && digits.length !== 16) {
      ctx.addIssue({ code: 'custom', message: 'validation.npwp' })
      return z.NEVER
    }
    return digits
  })

export const idSchema = z.number().int().positive()
