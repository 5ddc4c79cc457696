import { z } from 'zod'
import { idSchema, optionalText, requiredText } from './common'

/** A hostname or IPv4/IPv6 address a RouterOS API answers on (no scheme, no port). */
const hostSchema = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(253, { message: 'validation.too_long' })
  .regex(/^[A-Za-z0-9.:-]+$/, { message: 'validation.router_host' })

/** RouterOS names (profiles, address lists): what its own forms accept. */
const routerName = (max: number) =>
  requiredText(max).regex(/^[^\s=?"]+$/, { message: 'validation.router_name' })

export const routerInput = z.object({
  name: requiredText(80),
  host: hostSchema,
  port: z.coerce
    .number({ message: 'validation.router_port' })
    .int({ message: 'validation.router_port' })
    .min(1, { message: 'validation.router_port' })
    .max(65535, { message: 'validation.router_port' }),
  tls: z.boolean().default(false),
  username: requiredText(64),
  /** Required for a new router; empty on an edit keeps the stored one. */
  password: z.string().max(128, { message: 'validation.too_long' }).default(''),
  areaId: idSchema.nullable().default(null),
  popId: idSchema.nullable().default(null),
  isolirProfile: routerName(64).default('ISOLIR'),
  isolirList: routerName(64).default('isolir'),
  notes: optionalText(1000),
  active: z.boolean().default(true),
})
export type RouterInput = z.output<typeof routerInput>

export const routerUpdateInput = routerInput.extend({ id: idSchema })
export type RouterUpdateInput = z.output<typeof routerUpdateInput>

/** "Test connection" before or after saving: the form's values, or a saved router by id. */
export const routerTestInput = z.union([
  // Strict: an edit form's values with an id are never read as "the saved router" (issue 13 #4).
  z.strictObject({ id: idSchema }),
  routerInput.pick({ host: true, port: true, tls: true, username: true, password: true }).extend({
    /**
     * An edit form leaves the password empty: use the saved router's, as long as the address,
     * port and TLS are the ones it was saved for.
     */
    id: idSchema.optional(),
  }),
])
export type RouterTestInput = z.output<typeof routerTestInput>

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const HOST_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i

/** An IPv4 address, or a host name of letters, digits and hyphens (RFC 1123), nothing else. */
export function isIpv4OrHostName(value: string): boolean {
  if (IPV4.test(value)) return true
  // Four numbers that are no address (999.1.1.1) are a mistake, not a host name.
  if (/^[\d.]+$/.test(value) || value.length > 253) return false
  return value.split('.').every((label) => HOST_LABEL.test(label))
}

/**
 * The isolir setup script's address: it is pasted into the router's terminal, so only an address
 * or a name may go in (a newline would be a command of its own).
 */
export const isolirScriptInput = z.object({
  routerId: idSchema,
  hostAddress: z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .refine(isIpv4OrHostName, { message: 'validation.host_address' }),
  hostPort: z.number().int().min(1).max(65535),
})

export const ISOLIR_ACTIONS = ['isolir', 'restore'] as const
export type IsolirAction = (typeof ISOLIR_ACTIONS)[number]

export const isolirInput = z.object({
  action: z.enum(ISOLIR_ACTIONS),
  serviceIds: z.array(idSchema).min(1, { message: 'validation.required' }).max(50_000),
  reason: requiredText(300),
  /** Send the isolir notice to the customers (isolir only); left out: the company's policy. */
  notify: z.boolean().optional(),
})
export type IsolirInput = z.output<typeof isolirInput>

/**
 * A router import's choices (core/network/router-import/choices.ts says what each does): per
 * linked login whose package differs from the router's profile, keep Loket's package or follow
 * the router; per enabled secret of a putus customer, disable it or reactivate the customer.
 */
export const PACKAGE_CHOICES = ['loket', 'router'] as const
export type PackageChoice = (typeof PACKAGE_CHOICES)[number]
export const PUTUS_CHOICES = ['disable', 'reactivate'] as const
export type PutusChoice = (typeof PUTUS_CHOICES)[number]

export const routerImportInput = z.object({
  routerId: idSchema,
  areaId: idSchema.nullable().default(null),
  isolirProductId: idSchema.nullable().default(null),
  hotspot: z.boolean().default(true),
  /** For every differing package without a row choice. */
  packages: z.enum(PACKAGE_CHOICES).default('loket'),
  /** For every putus conflict without a row choice; null: each row must be decided. */
  putus: z.enum(PUTUS_CHOICES).nullable().default(null),
  /** Per row, keyed `kind:login` (`pppoe:budi`). */
  choices: z
    .record(z.string().max(200), z.enum([...PACKAGE_CHOICES, ...PUTUS_CHOICES]))
    .default({})
    .refine((c) => Object.keys(c).length <= 50_000),
})
export type RouterImportInput = z.output<typeof routerImportInput>

export const deviceJobFilter = z.object({
  status: z.enum(['open', 'failed', 'done']).default('open'),
  routerId: idSchema.nullable().default(null),
})
