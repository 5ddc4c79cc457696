import { z } from 'zod'
import { BILLING_MODES, SERVICE_TYPES } from '../catalog'
import { calendarDateSchema, idSchema, optionalText, requiredText } from './common'

export const rupiahSchema = z
  .number({ message: 'validation.amount' })
  .int({ message: 'validation.amount' })
  .min(0, { message: 'validation.amount' })
  .max(1_000_000_000_000, { message: 'validation.amount' })

export const areaCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,10}$/, { message: 'validation.area_code' })

export const codePatternSchema = z
  .string()
  .trim()
  .max(40, { message: 'validation.too_long' })
  .refine((p) => /\{0+\}/.test(p), { message: 'validation.code_pattern' })

export const areaInput = z.object({
  code: areaCodeSchema,
  name: requiredText(120),
  codePattern: codePatternSchema.default('{AREA}-{0000}'),
})
export const areaUpdateInput = areaInput.extend({ id: idSchema, active: z.boolean() })

export const popInput = z.object({
  name: requiredText(120),
  areaId: idSchema.nullable().default(null),
  address: z.string().trim().max(500).default(''),
  notes: optionalText(1000),
})
export const popUpdateInput = popInput.extend({ id: idSchema, active: z.boolean() })

const speed = z
  .number({ message: 'validation.speed' })
  .min(0, { message: 'validation.speed' })
  .max(100_000, { message: 'validation.speed' })
  .nullable()
  .default(null)

export const productInput = z.object({
  name: requiredText(120),
  serviceType: z.enum(SERVICE_TYPES, { message: 'validation.service_type' }),
  monthlyPrice: rupiahSchema,
  billingMode: z.enum(BILLING_MODES).default('prepaid'),
  downloadMbps: speed,
  uploadMbps: speed,
  routerProfile: optionalText(64),
  dataCapGb: z
    .number()
    .int({ message: 'validation.number' })
    .min(0)
    .max(1_000_000)
    .nullable()
    .default(null),
  fupNote: optionalText(500),
  taxable: z.boolean().default(false),
})
export type ProductInput = z.output<typeof productInput>

export const productUpdateInput = productInput.extend({
  id: idSchema,
  active: z.boolean(),
  /** When the price changes: from which date the new price applies, and why. */
  priceEffectiveFrom: calendarDateSchema.optional(),
  priceReason: optionalText(300),
})

export const priceListInput = z.object({
  name: requiredText(120),
  areaId: idSchema.nullable().default(null),
  items: z
    .array(z.object({ productId: idSchema, price: rupiahSchema }))
    .max(500)
    // One price per product: a second row for the same product is a mistake in the form.
    .refine((items) => new Set(items.map((i) => i.productId)).size === items.length, {
      message: 'validation.price_list_product_twice',
    })
    .default([]),
})
export const priceListUpdateInput = priceListInput.extend({ id: idSchema, active: z.boolean() })

/**
 * How new services get their numbers and PPPoE credentials (company settings). No defaults here:
 * an update states every field; core fills in defaults only when reading an unset setting.
 */
export const customerSettingsInput = z.object({
  sidPattern: z
    .string()
    .trim()
    .min(3, { message: 'validation.sid_pattern' })
    .max(40, { message: 'validation.too_long' })
    .refine((p) => /\{0+\}/.test(p) && !p.includes('{AREA}'), {
      message: 'validation.sid_pattern',
    }),
  pppoeUsernameRule: z
    .string()
    .trim()
    .max(60, { message: 'validation.too_long' })
    .refine((r) => /\{(kode|sid)\}/.test(r), { message: 'validation.pppoe_rule' })
    .refine((r) => /^([a-z0-9._@-]|\{(kode|nama|sid)\})+$/.test(r), {
      message: 'validation.pppoe_rule_chars',
    }),
  pppoePasswordLength: z
    .number({ message: 'validation.out_of_range' })
    .int({ message: 'validation.out_of_range' })
    .min(6, { message: 'validation.out_of_range' })
    .max(32, { message: 'validation.out_of_range' }),
})
export type CustomerSettingsInput = z.output<typeof customerSettingsInput>

export const DEFAULT_CUSTOMER_SETTINGS: CustomerSettingsInput = {
  sidPattern: 'SID{000000}',
  pppoeUsernameRule: '{kode}',
  pppoePasswordLength: 8,
}
