import { z } from 'zod'
import { calendarDateSchema, idSchema, optionalText, requiredText } from './common'

export const VOUCHER_CHARSETS = ['numeric', 'upper', 'lower', 'mixed'] as const
export type VoucherCharset = (typeof VOUCHER_CHARSETS)[number]

/** 'voucher': one code, password = username; 'userpass': a username and its own password. */
export const VOUCHER_MODES = ['voucher', 'userpass'] as const
export type VoucherMode = (typeof VOUCHER_MODES)[number]

export const VOUCHER_PAPERS = ['a4', '58mm'] as const
export type VoucherPaper = (typeof VOUCHER_PAPERS)[number]

/**
 * What a voucher is on the router right now:
 * - belum_dipakai: on the router, never logged in;
 * - aktif: logged in now (a session in /ip/hotspot/active);
 * - terpakai: used before (uptime > 0), not online now, time left;
 * - kadaluarsa: used up, its time (limit-uptime) or its data (limit-bytes-total); the screens
 *   say "Habis", which fits both ("kedaluwarsa" read as a date passed, which a quota is not);
 * - nonaktif: disabled (in Loket or on the router);
 * - tidak_ada: not on the router (not pushed yet, or removed there).
 */
export const VOUCHER_STATES = [
  'belum_dipakai',
  'aktif',
  'terpakai',
  'kadaluarsa',
  'nonaktif',
  'tidak_ada',
] as const
export type VoucherState = (typeof VOUCHER_STATES)[number]

/** RouterOS names: what its own forms accept. */
const routerName = (max: number) =>
  requiredText(max).regex(/^[^\s=?"]+$/, { message: 'validation.router_name' })

/** `rx/tx` with RouterOS units (k, M, G), e.g. 2M/2M, 512k/1M; a lone value applies to both. */
export const rateLimitSchema = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .regex(/^\d+(\.\d+)?[kMG]?(\/\d+(\.\d+)?[kMG]?)?$/, { message: 'validation.rate_limit' })

/** A RouterOS duration without clock parts: 1d, 7d, 12h, 1w2d, 90m. */
export const validitySchema = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .regex(/^(\d+[wdhm])+$/, { message: 'validation.validity' })
  .refine((v) => /[1-9]/.test(v), { message: 'validation.validity' })

const rupiahPrice = z
  .number({ message: 'validation.amount' })
  .int({ message: 'validation.amount' })
  .min(0, { message: 'validation.amount' })
  .max(100_000_000, { message: 'validation.out_of_range' })

const dnsName = z
  .string()
  .trim()
  .max(253, { message: 'validation.too_long' })
  .regex(/^([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?)?$/, { message: 'validation.router_host' })
  .optional()
  .transform((v) => (v ? v : null))

/** Units of a voucher's data quota, as RouterOS counts them (1 GB = 1024 MB = 1,073,741,824 bytes). */
export const QUOTA_UNITS = ['MB', 'GB'] as const
export type QuotaUnit = (typeof QUOTA_UNITS)[number]
export const QUOTA_UNIT_BYTES: Record<QuotaUnit, number> = { MB: 1024 ** 2, GB: 1024 ** 3 }
/** The largest quota a voucher may carry: 10 TB. */
export const MAX_QUOTA_BYTES = 10 * 1024 ** 4

/** Bytes of a quota amount in a unit (whole bytes). */
export function quotaToBytes(amount: number, unit: QuotaUnit): number {
  return Math.round(amount * QUOTA_UNIT_BYTES[unit])
}

/** A quota in bytes as the form shows it: whole GB when it is, else MB (rounded to 2 decimals). */
export function quotaFromBytes(bytes: number): { amount: number; unit: QuotaUnit } {
  if (bytes % QUOTA_UNIT_BYTES.GB === 0) return { amount: bytes / QUOTA_UNIT_BYTES.GB, unit: 'GB' }
  return { amount: Math.round((bytes / QUOTA_UNIT_BYTES.MB) * 100) / 100, unit: 'MB' }
}

/** A quota as vouchers and pages say it: '5 GB', '1,5 GB', '500 MB' (RouterOS units, decimal comma). */
export function quotaText(bytes: number): string {
  const gb = bytes / QUOTA_UNIT_BYTES.GB
  const [value, unit] = gb >= 1 ? [gb, 'GB'] : [bytes / QUOTA_UNIT_BYTES.MB, 'MB']
  return `${String(Math.round(value * 100) / 100).replace('.', ',')} ${unit}`
}

export const hotspotProfileInput = z
  .object({
    /** Set on an edit; router and name are fixed once created (vouchers on the router use them). */
    id: idSchema.optional(),
    routerId: idSchema,
    name: routerName(64),
    rateLimit: rateLimitSchema,
    validity: validitySchema,
    sharedUsers: z
      .number({ message: 'validation.number' })
      .int({ message: 'validation.number' })
      .min(1, { message: 'validation.out_of_range' })
      .max(100, { message: 'validation.out_of_range' })
      .default(1),
    price: rupiahPrice,
    dnsName,
    active: z.boolean().default(true),
    /**
     * Data quota of each new voucher (RouterOS limit-bytes-total), in `quotaUnit`; null for none.
     * MB whole, GB up to two decimals, from 1 MB to 10 TB.
     */
    quotaAmount: z
      .number({ message: 'validation.number' })
      .positive({ message: 'validation.out_of_range' })
      .nullable()
      .default(null),
    quotaUnit: z.enum(QUOTA_UNITS).default('GB'),
  })
  .superRefine((p, ctx) => {
    if (p.quotaAmount === null) return
    const whole = p.quotaUnit === 'MB' ? p.quotaAmount : p.quotaAmount * 100
    if (!Number.isInteger(Math.round(whole * 1e6) / 1e6))
      ctx.addIssue({ code: 'custom', path: ['quotaAmount'], message: 'validation.voucher_quota' })
    else if (quotaToBytes(p.quotaAmount, p.quotaUnit) > MAX_QUOTA_BYTES)
      ctx.addIssue({ code: 'custom', path: ['quotaAmount'], message: 'validation.out_of_range' })
  })
export type HotspotProfileInput = z.output<typeof hotspotProfileInput>

/** How codes look; shared by the preview and the batch. */
export const voucherFormatInput = z.object({
  prefix: z
    .string()
    .trim()
    .max(10, { message: 'validation.too_long' })
    .regex(/^[A-Za-z0-9]*$/, { message: 'validation.router_name' })
    .default(''),
  length: z
    .number({ message: 'validation.number' })
    .int({ message: 'validation.number' })
    .min(4, { message: 'validation.out_of_range' })
    .max(16, { message: 'validation.out_of_range' }),
  charset: z.enum(VOUCHER_CHARSETS),
  mode: z.enum(VOUCHER_MODES),
})
export type VoucherFormat = z.output<typeof voucherFormatInput>

export const hotspotBatchInput = voucherFormatInput.extend({
  profileId: idSchema,
  count: z
    .number({ message: 'validation.number' })
    .int({ message: 'validation.number' })
    .min(1, { message: 'validation.out_of_range' })
    .max(1000, { message: 'validation.out_of_range' }),
  note: optionalText(200),
})
export type HotspotBatchInput = z.output<typeof hotspotBatchInput>

export const hotspotDisableInput = z.object({
  batchId: idSchema,
  /** Leave out to disable every voucher of the batch. */
  voucherIds: z.array(idSchema).min(1, { message: 'validation.required' }).max(1000).optional(),
})
export type HotspotDisableInput = z.output<typeof hotspotDisableInput>

export const hotspotSaleInput = z.object({
  batchId: idSchema,
  count: z
    .number({ message: 'validation.number' })
    .int({ message: 'validation.number' })
    .min(1, { message: 'validation.out_of_range' })
    .max(1000, { message: 'validation.out_of_range' }),
  /** The company's date of the sale; today when left out. */
  date: calendarDateSchema.optional(),
  note: optionalText(200),
})
export type HotspotSaleInput = z.output<typeof hotspotSaleInput>

export const hotspotPrintInput = z.object({
  batchId: idSchema,
  paper: z.enum(VOUCHER_PAPERS).default('a4'),
  /** Only these vouchers (reprint); the whole batch when left out. */
  voucherIds: z.array(idSchema).max(1000).optional(),
})
export type HotspotPrintInput = z.output<typeof hotspotPrintInput>

const VALIDITY_UNITS: Record<'id' | 'en', Record<string, [string, string]>> = {
  id: { w: ['minggu', 'minggu'], d: ['hari', 'hari'], h: ['jam', 'jam'], m: ['menit', 'menit'] },
  en: { w: ['week', 'weeks'], d: ['day', 'days'], h: ['hour', 'hours'], m: ['minute', 'minutes'] },
}

/** '1d' → '1 hari', '1w2d' → '1 minggu 2 hari' (voucher sheets and lists say it in words). */
export function formatValidity(validity: string, language: 'id' | 'en' = 'id'): string {
  const parts = [...validity.matchAll(/(\d+)([wdhm])/g)]
  if (parts.length === 0) return validity
  return parts
    .map(([, n, unit]) => {
      const [one, many] = VALIDITY_UNITS[language][unit!]!
      return `${n} ${Number(n) === 1 ? one : many}`
    })
    .join(' ')
}
