import { z } from 'zod'
import { CUSTOMER_CATEGORIES, SERVICE_STATUSES } from '../catalog'
import { rupiahSchema } from './catalog'
import {
  calendarDateSchema,
  idSchema,
  optionalEmailSchema,
  optionalNpwpSchema,
  optionalPhoneSchema,
  optionalText,
  requiredText,
  searchText,
  trimmed,
} from './common'

const optionalNik = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || /^\d{16}$/.test(v.replace(/\D/g, '')), { message: 'validation.nik' })
  .transform((v) => (v ? v.replace(/\D/g, '') : null))

export const coordinate = (max: number) =>
  z
    .number({ message: 'validation.coordinates' })
    .min(-max, { message: 'validation.coordinates' })
    .max(max, {
      message: 'validation.coordinates',
    })

export const customerFields = {
  name: requiredText(160),
  category: z.enum(CUSTOMER_CATEGORIES, { message: 'validation.category' }).default('rumah'),
  nik: optionalNik,
  phone: optionalPhoneSchema,
  whatsapp: optionalPhoneSchema,
  email: optionalEmailSchema,
  address: trimmed(500).default(''),
  latitude: coordinate(90).nullable().default(null),
  longitude: coordinate(180).nullable().default(null),
  npwp: optionalNpwpSchema,
  accountManagerId: idSchema.nullable().default(null),
  marketer: optionalText(120),
  priceListId: idSchema.nullable().default(null),
  notes: optionalText(4000),
}

export const customerCreateInput = z.object({ areaId: idSchema, ...customerFields })
export type CustomerCreateInput = z.output<typeof customerCreateInput>

export const customerUpdateInput = z.object({ id: idSchema, ...customerFields })
export type CustomerUpdateInput = z.output<typeof customerUpdateInput>

export const billingScheduleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('fixed'),
    day: z
      .number()
      .int()
      .min(1, { message: 'validation.billing_day' })
      .max(28, { message: 'validation.billing_day' }),
  }),
  z.object({ kind: z.literal('anniversary') }),
])

const ipv4 = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || /^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$/.test(v), {
    message: 'validation.ip',
  })
  .transform((v) => (v ? v : null))

export const serviceCreateInput = z.object({
  customerId: idSchema,
  productId: idSchema,
  status: z.enum(SERVICE_STATUSES, { message: 'validation.status' }).default('registrasi'),
  activationDate: calendarDateSchema.nullable().default(null),
  billingSchedule: billingScheduleSchema.default({ kind: 'fixed', day: 1 }),
  priceOverride: rupiahSchema.nullable().default(null),
  priceReason: optionalText(300),
  installationAddress: optionalText(500),
  /** Empty: generated from the customer code by the company's rule. */
  pppoeUsername: optionalText(64),
  pppoePassword: optionalText(64),
  staticIp: ipv4,
  popId: idSchema.nullable().default(null),
  /** The MikroTik the service lives on; empty: the router of its POP or area, if there is one. */
  routerId: idSchema.nullable().default(null),
  notes: optionalText(2000),
})
export type ServiceCreateInput = z.output<typeof serviceCreateInput>

/** Where a service lives on the network: its router and its PPPoE/hotspot login or static IP. */
export const serviceNetworkInput = z.object({
  serviceId: idSchema,
  routerId: idSchema.nullable(),
  pppoeUsername: optionalText(64),
  /** Empty keeps the current password. */
  pppoePassword: optionalText(64),
  staticIp: ipv4,
})
export type ServiceNetworkInput = z.output<typeof serviceNetworkInput>

export const serviceStatusInput = z.object({
  serviceId: idSchema,
  status: z.enum(SERVICE_STATUSES, { message: 'validation.status' }),
  effectiveDate: calendarDateSchema.optional(),
  reason: requiredText(300),
})

export const packageChangeInput = z.object({
  serviceId: idSchema,
  productId: idSchema,
  /** Upgrade: today by default. Downgrade: the next period start by default. */
  effectiveDate: calendarDateSchema.optional(),
  reason: optionalText(300),
})

export const customerTerminateInput = z.object({
  customerId: idSchema,
  effectiveDate: calendarDateSchema.optional(),
  reason: requiredText(300),
})

export const CUSTOMER_SORTS = ['name', 'code', 'created', 'status', 'area'] as const

export const customerListInput = z.object({
  q: searchText(100).optional(),
  status: z.array(z.enum(SERVICE_STATUSES)).max(7).optional(),
  areaId: idSchema.optional(),
  productId: idSchema.optional(),
  category: z.enum(CUSTOMER_CATEGORIES).optional(),
  /** Without a sort, a search comes ranked by relevance and a plain list by name. */
  sort: z.enum(CUSTOMER_SORTS).optional(),
  dir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
})
export type CustomerListInput = z.input<typeof customerListInput>
