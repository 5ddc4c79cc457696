import { z } from 'zod'
import { DEFAULT_RATE_PER_MINUTE, MESSAGE_CHANNELS } from '../messaging'
import { phoneSchema, trimmed } from './common'

/** An http(s) address; self-hosted gateways and the test simulators need any host and port. */
export const httpUrlSchema = z
  .string({ message: 'validation.required' })
  .trim()
  .min(1, { message: 'validation.required' })
  .max(500, { message: 'validation.too_long' })
  .refine(isHttpUrl, { message: 'validation.url' })

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false
  try {
    new URL(value.replace(/\{(phone|message|token)\}/g, 'x'))
    return true
  } catch {
    return false
  }
}

/** Empty on an edit keeps the stored token or password (it is never sent back to the form). */
const secretField = z.string().trim().max(500, { message: 'validation.too_long' }).default('')

const common = {
  enabled: z.boolean().default(true),
  ratePerMinute: z.coerce
    .number({ message: 'validation.number' })
    .int({ message: 'validation.number' })
    .min(1, { message: 'validation.out_of_range' })
    .max(600, { message: 'validation.out_of_range' })
    .default(DEFAULT_RATE_PER_MINUTE),
}

export const URL_METHODS = ['GET', 'POST'] as const
/** How a POST body template is sent, and so how its placeholders are escaped. */
export const URL_BODY_TYPES = ['form', 'json', 'text'] as const
export type UrlBodyType = (typeof URL_BODY_TYPES)[number]

const fonnteInput = z.object({
  provider: z.literal('fonnte'),
  token: secretField,
  baseUrl: httpUrlSchema.default('https://api.fonnte.com'),
  ...common,
})

const wablasInput = z.object({
  provider: z.literal('wablas'),
  token: secretField,
  // No default: every Wablas customer is on their own server (solo., texas., jogja. …).
  baseUrl: httpUrlSchema,
  ...common,
})

const urlInput = z
  .object({
    provider: z.literal('url'),
    templateUrl: httpUrlSchema,
    method: z.enum(URL_METHODS).default('GET'),
    bodyTemplate: trimmed(4000).default(''),
    bodyType: z.enum(URL_BODY_TYPES).default('form'),
    /** Put into `{token}`, or sent as the Authorization header when no `{token}` is used. */
    token: secretField,
    ...common,
  })
  .superRefine((v, ctx) => {
    const text = v.method === 'POST' ? `${v.templateUrl} ${v.bodyTemplate}` : v.templateUrl
    if (!text.includes('{phone}') || !text.includes('{message}'))
      ctx.addIssue({ code: 'custom', path: ['templateUrl'], message: 'validation.url_template' })
  })

const baileysInput = z.object({ provider: z.literal('baileys'), ...common })

/** `Nama <alamat@domain>` or a bare address: the From of every e-mail. */
const fromSchema = z
  .string({ message: 'validation.required' })
  .trim()
  .min(1, { message: 'validation.required' })
  .max(254, { message: 'validation.too_long' })
  .refine((v) => /^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/.test(v), {
    message: 'validation.email',
  })

const smtpInput = z
  .object({
    provider: z.literal('smtp'),
    host: z
      .string({ message: 'validation.required' })
      .trim()
      .min(1, { message: 'validation.required' })
      .max(253, { message: 'validation.too_long' })
      .regex(/^[A-Za-z0-9.:-]+$/, { message: 'validation.smtp_host' }),
    port: z.coerce
      .number({ message: 'validation.number' })
      .int({ message: 'validation.number' })
      .min(1, { message: 'validation.out_of_range' })
      .max(65535, { message: 'validation.out_of_range' }),
    /** Implicit TLS (port 465); otherwise STARTTLS is used when the server offers it. */
    secure: z.boolean().optional(),
    user: trimmed(254).default(''),
    password: secretField,
    from: fromSchema,
    ...common,
  })
  .transform((v) => ({ ...v, secure: v.secure ?? v.port === 465 }))

/** A channel's settings as the form and the CLI send them; the kind follows from the provider. */
export const channelInput = z.discriminatedUnion('provider', [
  fonnteInput,
  wablasInput,
  urlInput,
  baileysInput,
  smtpInput,
])
export type ChannelInput = z.output<typeof channelInput>

/** "Kirim pesan uji": a WhatsApp number or an e-mail address, checked for its channel. */
export const channelTestInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('whatsapp'), to: phoneSchema }),
  z.object({
    kind: z.literal('email'),
    to: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, { message: 'validation.too_long' })
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'validation.email' }),
  }),
])
export type ChannelTestInput = z.output<typeof channelTestInput>

export const channelKindInput = z.object({ kind: z.enum(MESSAGE_CHANNELS) })

/** The self-hosted WhatsApp Web session (baileys), as the Saluran tab shows it. */
export const WHATSAPP_LINK_STATUSES = [
  'tidak_tertaut',
  'menghubungkan',
  'pindai_qr',
  'tersambung',
] as const
export type WhatsappLinkStatus = (typeof WHATSAPP_LINK_STATUSES)[number]
