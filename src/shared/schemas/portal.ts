import { z } from 'zod'
import {
  idSchema,
  optionalEmailSchema,
  optionalPhoneSchema,
  optionalText,
  phoneSchema,
  requiredText,
} from './common'

/**
 * The customer portal's inputs (issue 17). The same schemas validate the portal's forms.
 * Codes are 6 digits; a challenge handle is what requestOtp answered.
 */
const otpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: 'validation.otp_code' })
const challenge = z.string().trim().min(10).max(64)

export const portalPhoneInput = z.object({ phone: phoneSchema })
export const portalResendInput = z.object({ challenge })
export const portalVerifyInput = z.object({
  phone: phoneSchema,
  /** What requestOtp answered; without it, the number's newest open code is checked. */
  challenge: challenge.optional(),
  code: otpCode,
  /** "Ingat perangkat ini": the session lasts 30 days on this device and is listed. */
  remember: z.boolean().default(false),
})
export type PortalVerifyInput = z.output<typeof portalVerifyInput>

export const PORTAL_INVOICE_FILTERS = ['unpaid', 'paid', 'all'] as const
export type PortalInvoiceFilter = (typeof PORTAL_INVOICE_FILTERS)[number]
export const portalInvoicesInput = z.object({
  filter: z.enum(PORTAL_INVOICE_FILTERS).default('unpaid'),
})
export const portalInvoiceInput = z.object({ invoiceId: idSchema })
export const portalHistoryInput = z.object({ year: z.number().int().min(2000).max(2100) })
export const portalDeviceInput = z.object({ sessionId: idSchema })

export const portalProfileInput = z.object({
  email: optionalEmailSchema,
  /** A note to the address for the technician (gate colour, landmark); the address is fixed. */
  addressNote: optionalText(300),
})
export type PortalProfileInput = z.output<typeof portalProfileInput>
export const portalPhoneConfirmInput = z.object({
  phone: phoneSchema,
  challenge: challenge.optional(),
  code: otpCode,
})

export const portalComplaintInput = z.object({
  category: z.string().trim().min(1).max(40),
  serviceId: idSchema.nullable().default(null),
  title: requiredText(150),
  description: optionalText(4000),
})
export type PortalComplaintInput = z.output<typeof portalComplaintInput>

export const portalRegisterInput = z.object({
  phone: phoneSchema,
  challenge: challenge.optional(),
  code: otpCode,
  name: requiredText(160),
  address: requiredText(500),
  email: optionalEmailSchema,
  note: optionalText(1000),
})
export type PortalRegisterInput = z.output<typeof portalRegisterInput>

export const portalChannelsInput = z.object({
  invoiceIds: z.array(idSchema).min(1, { message: 'validation.portal_pick_invoice' }).max(24),
})
export const portalPayInput = portalChannelsInput.extend({
  channel: z.string().trim().min(1).max(40),
})
export const portalPaymentStateInput = z.object({ reference: z.string().trim().min(1).max(100) })

/** The "portal" company setting: self-registration (off until the office opens it), contacts. */
export const portalSettingsInput = z.object({
  selfRegistration: z.boolean(),
  supportWhatsapp: optionalPhoneSchema,
  supportHours: optionalText(120),
})
export type PortalSettings = z.output<typeof portalSettingsInput>
export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  selfRegistration: false,
  supportWhatsapp: null,
  supportHours: null,
}
