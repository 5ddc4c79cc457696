import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database, Db } from '../db'

/** How public numbers and PPPoE credentials are made (company settings, with defaults). */
export const customerSettingsSchema = z.object({
  sidPattern: z.string().min(3).max(40).default('SID{000000}'),
  pppoeUsernameRule: z.string().min(3).max(60).default('{kode}'),
  pppoePasswordLength: z.number().int().min(6).max(32).default(8),
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
