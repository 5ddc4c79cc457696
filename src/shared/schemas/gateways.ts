import { z } from 'zod'
import { idSchema, trimmed } from './common'

export const GATEWAY_NAME_VALUES = ['tripay', 'midtrans', 'xendit'] as const
export const gatewayNameSchema = z.enum(GATEWAY_NAME_VALUES, { message: 'validation.invalid' })

export const GATEWAY_TX_STATES = ['unpaid', 'paid', 'expired', 'failed', 'held', 'refund'] as const
export type GatewayTxState = (typeof GATEWAY_TX_STATES)[number]

const whole = (min: number, max: number) =>
  z
    .number({ message: 'validation.out_of_range' })
    .int({ message: 'validation.out_of_range' })
    .min(min, { message: 'validation.out_of_range' })
    .max(max, { message: 'validation.out_of_range' })

/** An http(s) URL without credentials, query or fragment (a gateway API or a simulator). */
const baseUrl = z
  .string()
  .trim()
  .max(300, { message: 'validation.too_long' })
  .refine(
    (value) => {
      try {
        const u = new URL(value)
        return (
          (u.protocol === 'https:' || u.protocol === 'http:') &&
          !u.username &&
          !u.password &&
          !u.search &&
          !u.hash
        )
      } catch {
        return false
      }
    },
    { message: 'validation.gateway_url' },
  )
  .transform((value) => (value.endsWith('/') ? value : `${value}/`))

/**
 * One gateway's settings as the form and the CLI send them. `keys`: the gateway's keys by name
 * (Tripay merchantCode, apiKey, privateKey; Midtrans serverKey, clientKey; Xendit secretKey,
 * callbackToken); an empty or missing key keeps the saved one, when the base URL is unchanged.
 */
export const gatewaySettingsInput = z.object({
  gateway: gatewayNameSchema,
  enabled: z.boolean(),
  mode: z.enum(['sandbox', 'production'], { message: 'validation.invalid' }),
  /** null: the mode's own URL. */
  baseUrl: baseUrl.nullable().default(null),
  keys: z.record(z.string(), trimmed(300)).default({}),
  feePolicy: z.enum(['customer', 'company'], { message: 'validation.invalid' }),
  expiryHours: whole(1, 72),
  pollMinutes: whole(5, 60),
  /** null: every channel the gateway offers. */
  channels: z.array(z.string().trim().min(1).max(40)).max(100).nullable().default(null),
})
export type GatewaySettingsInput = z.input<typeof gatewaySettingsInput>
export type GatewaySettingsValues = z.output<typeof gatewaySettingsInput>

export const gatewayTransactionsQuery = z.object({
  state: z.enum(GATEWAY_TX_STATES).nullable().default(null),
  limit: whole(1, 500).default(100),
})

export const gatewayReviewInput = z.object({
  id: idSchema,
  /** Why (required to reject; optional note when approving). */
  reason: trimmed(300).default(''),
})
