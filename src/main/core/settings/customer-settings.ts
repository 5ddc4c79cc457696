import type { Kysely } from 'kysely'
import {
  DEFAULT_CUSTOMER_SETTINGS,
  customerSettingsInput,
  type CustomerSettingsInput,
} from '@shared/schemas'
import type { Database, Db } from '../db'

/** How public numbers and PPPoE credentials are made (company settings, with defaults). */
export type CustomerSettings = CustomerSettingsInput

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
  // A stored value that no longer validates (or none) falls back to the defaults, field by field.
  const stored = row ? (JSON.parse(row.value_json) as Record<string, unknown>) : {}
  const parsed = customerSettingsInput.partial().safeParse(stored)
  return { ...DEFAULT_CUSTOMER_SETTINGS, ...(parsed.success ? parsed.data : {}) }
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
