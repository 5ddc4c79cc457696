import { z } from 'zod'
import { idSchema, optionalText, requiredText } from './common'

/** The vendor profiles Loket reads (src/main/core/olt/profiles.ts holds their OIDs as data). */
export const OLT_VENDORS = ['zte-1012', 'zte-1082', 'huawei', 'cdata'] as const
export type OltVendor = (typeof OLT_VENDORS)[number]

/** What an ONU's state reads as, whatever the vendor's numbers. */
export const ONU_STATUSES = [
  'online',
  'offline',
  'los',
  'dying_gasp',
  'auth_failed',
  'logging',
  'syncing',
  'unknown',
] as const
export type OnuStatus = (typeof ONU_STATUSES)[number]

export const SNMP_AUTH_PROTOCOLS = ['md5', 'sha'] as const
export const SNMP_PRIV_PROTOCOLS = ['none', 'des', 'aes'] as const

/** RX below this (dBm) is a weak signal unless the company sets another line. */
export const DEFAULT_WEAK_RX_DBM = -27
/** RX at or above this is green; between it and the weak line orange; below red. */
export const GOOD_RX_DBM = -25

export type RxLevel = 'good' | 'fair' | 'weak' | 'none'
export function rxLevel(rxDbm: number | null, weakBelow = DEFAULT_WEAK_RX_DBM): RxLevel {
  if (rxDbm === null) return 'none'
  if (rxDbm < weakBelow) return 'weak'
  return rxDbm >= GOOD_RX_DBM ? 'good' : 'fair'
}

const snmpHost = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(253, { message: 'validation.too_long' })
  .regex(/^[A-Za-z0-9.:-]+$/, { message: 'validation.olt_host' })

export const oltInput = z.object({
  name: requiredText(80),
  vendor: z.enum(OLT_VENDORS, { message: 'validation.olt_vendor' }),
  host: snmpHost,
  port: z.coerce
    .number({ message: 'validation.olt_port' })
    .int({ message: 'validation.olt_port' })
    .min(1, { message: 'validation.olt_port' })
    .max(65535, { message: 'validation.olt_port' })
    .default(161),
  version: z.enum(['v2c', 'v3']).default('v2c'),
  /** v2c: required for a new OLT; empty on an edit keeps the saved one. */
  community: z.string().max(128, { message: 'validation.too_long' }).default(''),
  v3User: z.string().trim().max(64, { message: 'validation.too_long' }).default(''),
  v3AuthProtocol: z.enum(SNMP_AUTH_PROTOCOLS).default('sha'),
  /** v3: empty on an edit keeps the saved keys. */
  v3AuthKey: z.string().max(128, { message: 'validation.too_long' }).default(''),
  v3PrivProtocol: z.enum(SNMP_PRIV_PROTOCOLS).default('aes'),
  v3PrivKey: z.string().max(128, { message: 'validation.too_long' }).default(''),
  notes: optionalText(1000),
  active: z.boolean().default(true),
})
export type OltInput = z.output<typeof oltInput>

export const oltUpdateInput = oltInput.extend({ id: idSchema })
export type OltUpdateInput = z.output<typeof oltUpdateInput>

/** "Tes koneksi": a saved OLT by id, or the form's values (an edit form's id lends its secret). */
export const oltTestInput = z.union([
  z.strictObject({ id: idSchema }),
  oltInput.extend({ id: idSchema.optional() }),
])
export type OltTestInput = z.output<typeof oltTestInput>

export const onuListInput = z.object({
  oltId: idSchema,
  pon: z.string().max(20).optional(),
  filter: z.enum(['all', 'offline', 'weak', 'unlinked']).default('all'),
  search: z.string().trim().max(100).default(''),
})
export type OnuListInput = z.output<typeof onuListInput>

export const onuLinkInput = z.object({
  onuId: idSchema,
  /** null: unlink, and keep it unlinked (the automatic match does not link it again). */
  serviceId: idSchema.nullable(),
})
export type OnuLinkInput = z.output<typeof onuLinkInput>

export const oltSettingsInput = z.object({
  weakRxDbm: z.coerce
    .number({ message: 'validation.olt_weak_rx' })
    .min(-40, { message: 'validation.olt_weak_rx' })
    .max(-8, { message: 'validation.olt_weak_rx' }),
  /** Days of RX history kept per ONU (one row per day). */
  historyDays: z.coerce.number().int().min(7).max(730).default(90),
})
export type OltSettings = z.output<typeof oltSettingsInput>
export const DEFAULT_OLT_SETTINGS: OltSettings = { weakRxDbm: DEFAULT_WEAK_RX_DBM, historyDays: 90 }
