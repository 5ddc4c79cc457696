import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database, Db } from '../db'

/** How public numbers and PPPoE credentials are made (company settings, with defaults). */
export const customerSettingsSchema = z.object({
  sidPattern: z
    .string()
    .trim()
    .min(3, { message: 'validation.code_pattern' })
    .max(40, { message: 'validation.too_long' })
    .refine((p) => /\{0+\}/.test(p), { message: 'validation.code_pattern' })
    .default('SID{000000}'),
  pppoeUsernameRule: z
    .string()
    .trim()
    .max(60, { message: 'validation.too_long' })
    .refine((r) => /\{(kode|sid)\}/.test(r), { message: 'validation.pppoe_rule' })
    .default('{kode}'),
  pppoePasswordLength: z
    .number()
    .int({ message: 'validation.out_of_range' })
    .min(6, { message: 'validation.out_of_range' })
    .max(32, { message: 'validation.out_of_range' })
    .default(8),
})
export type CustomerSettings = z.output<typeof customerSettingsSchema>

export async function getCustomerSettings(
  db: Db | Kysely<Database>,
  companyId: number,
): Promise<CustomerSettings> {
  const row = await db
    .selectFrom('company_settings')
    .select('value_json')
    .where('company_id', '=', companyId)
    .where('key', '=', 'customers')
    .executeTakeFirst()
  const parsed = customerSettingsSchema.safeParse(row ? JSON.parse(row.value_json) : {})
  return parsed.success ? parsed.data : customerSettingsSchema.parse({})
}

export async function putCustomerSettings(
  tx: Kysely<Database>,
  companyId: number,
  value: CustomerSettings,
  at: string,
): Promise<void> {
  const json = JSON.stringify(value)
  await tx
    .insertInto('company_settings')
    .values({ company_id: companyId, key: 'customers', value_json: json, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['company_id', 'key']).doUpdateSet({ value_json: json, updated_at: at }),
    )
    .execute()
}
