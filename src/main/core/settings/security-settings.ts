import type { Kysely } from 'kysely'
import {
  DEFAULT_SECURITY_SETTINGS,
  securitySettingsInput,
  type SecuritySettings,
} from '@shared/schemas'
import type { Clock } from '../clock'
import type { Database, Db } from '../db'

/**
 * Company settings are typed groups stored as JSON under a key; a missing or outdated value falls
 * back to the defaults, field by field, so adding a setting never needs a data migration.
 */
export async function getSecuritySettings(
  db: Db | Kysely<Database>,
  companyId: number,
): Promise<SecuritySettings> {
  const row = await db
    .selectFrom('company_settings')
    .select('value_json')
    .where('company_id', '=', companyId)
    .where('key', '=', 'security')
    .executeTakeFirst()
  if (!row) return DEFAULT_SECURITY_SETTINGS
  const parsed = securitySettingsInput.partial().safeParse(JSON.parse(row.value_json))
  return { ...DEFAULT_SECURITY_SETTINGS, ...(parsed.success ? parsed.data : {}) }
}

export async function putSecuritySettings(
  tx: Kysely<Database>,
  clock: Clock,
  companyId: number,
  value: SecuritySettings,
): Promise<void> {
  await tx
    .insertInto('company_settings')
    .values({
      company_id: companyId,
      key: 'security',
      value_json: JSON.stringify(value),
      updated_at: clock.now().toISOString(),
    })
    .onConflict((oc) =>
      oc.columns(['company_id', 'key']).doUpdateSet({
        value_json: JSON.stringify(value),
        updated_at: clock.now().toISOString(),
      }),
    )
    .execute()
}
