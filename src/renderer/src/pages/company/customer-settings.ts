import type { inferRouterInputs } from '@trpc/server'
import { z } from 'zod'
import type { AppRouter } from '@api/router'
import { formatCode, pppoeUsername } from '@shared/codes'

export type CustomerSettingsInput =
  inferRouterInputs<AppRouter>['company']['updateCustomerSettings']

/** The customer the live examples are made for (an area CBG01 with the default code pattern). */
export const EXAMPLE_CUSTOMER = { code: 'CBG01-0001', name: 'Budi Santoso' } as const

/**
 * The rules a person can get wrong while typing, with the server's own message keys. The
 * server's schema (core/settings, which the renderer may not import) stays the authority: its
 * length limits come back as VALIDATION issues and land under the same fields.
 */
export const customerSettingsInput = z.object({
  sidPattern: z.string().regex(/\{0+\}/, { message: 'validation.code_pattern' }),
  pppoeUsernameRule: z.string().regex(/\{(kode|sid)\}/, { message: 'validation.pppoe_rule' }),
  pppoePasswordLength: z
    .number({ message: 'validation.out_of_range' })
    .int({ message: 'validation.out_of_range' })
    .min(6, { message: 'validation.out_of_range' })
    .max(32, { message: 'validation.out_of_range' }),
}) satisfies z.ZodType<CustomerSettingsInput>

/** What the next new service would get: its SID and the example customer's PPPoE username. */
export function settingsExamples(values: { sidPattern: string; pppoeUsernameRule: string }): {
  sid: string
  username: string
} {
  const sid = formatCode(values.sidPattern.trim(), { n: 1 })
  return {
    sid,
    username: pppoeUsername(values.pppoeUsernameRule.trim(), { ...EXAMPLE_CUSTOMER, sid }),
  }
}
