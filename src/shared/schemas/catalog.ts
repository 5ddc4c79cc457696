import { z } from 'zod'
import { BILLING_MODES, SERVICE_TYPES } from '../catalog'
import { calendarDateSchema, idSchema, optionalText, requiredText, trimmed } from './common'

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
  address: trimmed(500).default(''),
  notes: optionalText(1000),
})
export const popUpdateInput = popInput.extend({ id: idSchema, active: z.boolean() })

const speed = z
  .number({ message: 'validation.speed' })
  .min(0, { message: 'validation.speed' })
  .max(100_000, { message: 'validation.speed' })
  .nullable()
  .default(null)

const burstTime = z
  .number({ message: 'validation.burst_time' })
  .int({ message: 'validation.burst_time' })
  .min(1, { message: 'validation.burst_time' })
  .max(3600, { message: 'validation.burst_time' })
  .nullable()
  .default(null)

const productFields = z.object({
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
  /** Optional burst (RouterOS burst-limit, burst-threshold, burst-time): all of it or none. */
  burstDownloadMbps: speed,
  burstUploadMbps: speed,
  burstThresholdDownloadMbps: speed,
  burstThresholdUploadMbps: speed,
  burstTimeSeconds: burstTime,
  /** Loket keeps this speed on the router: a PPP profile (PPPoE) or a simple queue (static IP). */
  speedOnRouter: z.boolean().default(false),
  /** Speed past the quota (FUP): both or neither, below the package speed. */
  fupDownloadMbps: speed,
  fupUploadMbps: speed,
  /** PPP profile past the quota; empty: Loket names one when it keeps the speed on the router. */
  fupProfile: optionalText(64),
  /** Rupiah per GB past the quota, billed in arrears (BILLING.md rule 17). */
  extraGbPrice: rupiahSchema.nullable().default(null),
  /** Pay-as-you-go: rupiah per GB of all usage, billed in arrears (rule 17). */
  usageGbPrice: rupiahSchema.nullable().default(null),
})

type UsageFields = Pick<
  z.output<typeof productFields>,
  | 'dataCapGb'
  | 'downloadMbps'
  | 'uploadMbps'
  | 'fupDownloadMbps'
  | 'fupUploadMbps'
  | 'fupProfile'
  | 'extraGbPrice'
  | 'usageGbPrice'
>

/**
 * FUP and the extra price start where the quota ends, so they need one; the FUP speed is both
 * directions, below the package's; a package bills usage one way: past the quota or all of it.
 */
export function usageIssues(v: UsageFields): { path: keyof UsageFields; message: string }[] {
  const issues: { path: keyof UsageFields; message: string }[] = []
  const fup = [v.fupDownloadMbps, v.fupUploadMbps]
  if (fup.some((x) => x !== null) && fup.some((x) => x === null))
    issues.push({
      path: v.fupDownloadMbps === null ? 'fupDownloadMbps' : 'fupUploadMbps',
      message: 'validation.fup_incomplete',
    })
  if (v.fupDownloadMbps !== null && v.downloadMbps !== null && v.fupDownloadMbps >= v.downloadMbps)
    issues.push({ path: 'fupDownloadMbps', message: 'validation.fup_above_speed' })
  if (v.fupUploadMbps !== null && v.uploadMbps !== null && v.fupUploadMbps >= v.uploadMbps)
    issues.push({ path: 'fupUploadMbps', message: 'validation.fup_above_speed' })
  if (!v.dataCapGb) {
    if (v.fupDownloadMbps !== null || v.fupProfile)
      issues.push({
        path: v.fupProfile ? 'fupProfile' : 'fupDownloadMbps',
        message: 'validation.needs_quota',
      })
    if (v.extraGbPrice !== null)
      issues.push({ path: 'extraGbPrice', message: 'validation.needs_quota' })
  }
  if (v.extraGbPrice !== null && v.usageGbPrice !== null)
    issues.push({ path: 'usageGbPrice', message: 'validation.usage_price_twice' })
  return issues
}

type SpeedFields = Pick<
  z.output<typeof productFields>,
  | 'downloadMbps'
  | 'uploadMbps'
  | 'burstDownloadMbps'
  | 'burstUploadMbps'
  | 'burstThresholdDownloadMbps'
  | 'burstThresholdUploadMbps'
  | 'burstTimeSeconds'
  | 'speedOnRouter'
>

/**
 * A speed Loket pushes must be whole (both directions, above zero); a burst is all four rates
 * and a time, each burst rate above its speed and each threshold below its burst rate.
 */
export function speedIssues(v: SpeedFields): { path: keyof SpeedFields; message: string }[] {
  const issues: { path: keyof SpeedFields; message: string }[] = []
  if (v.speedOnRouter) {
    if (!v.downloadMbps) issues.push({ path: 'downloadMbps', message: 'validation.speed_required' })
    if (!v.uploadMbps) issues.push({ path: 'uploadMbps', message: 'validation.speed_required' })
  }
  const burst = [
    'burstDownloadMbps',
    'burstUploadMbps',
    'burstThresholdDownloadMbps',
    'burstThresholdUploadMbps',
    'burstTimeSeconds',
  ] as const
  const given = burst.filter((k) => v[k] !== null)
  if (given.length === 0) return issues
  for (const k of burst)
    if (v[k] === null) issues.push({ path: k, message: 'validation.burst_incomplete' })
  const pairs = [
    ['burstDownloadMbps', 'downloadMbps', 'burstThresholdDownloadMbps'],
    ['burstUploadMbps', 'uploadMbps', 'burstThresholdUploadMbps'],
  ] as const
  for (const [rate, base, threshold] of pairs) {
    const b = v[rate]
    if (b !== null && (v[base] === null || b <= v[base]))
      issues.push({ path: rate, message: 'validation.burst_rate' })
    const th = v[threshold]
    if (th !== null && (th <= 0 || (b !== null && th >= b)))
      issues.push({ path: threshold, message: 'validation.burst_threshold' })
  }
  return issues
}

const checkSpeeds = (v: SpeedFields & UsageFields, ctx: z.RefinementCtx) => {
  for (const i of [...speedIssues(v), ...usageIssues(v)])
    ctx.addIssue({ code: 'custom', path: [i.path], message: i.message })
}

export const productInput = productFields.superRefine(checkSpeeds)
export type ProductInput = z.output<typeof productInput>

export const productUpdateInput = productFields
  .extend({
    id: idSchema,
    active: z.boolean(),
    /** When the price changes: from which date the new price applies, and why. */
    priceEffectiveFrom: calendarDateSchema.optional(),
    priceReason: optionalText(300),
  })
  .superRefine(checkSpeeds)

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
