import type { Kysely } from 'kysely'
import { modulesFrom, type ModuleState } from '@shared/modules'
import type { Database, Db } from '../db'
import { writeSettings } from './stored-settings'

/** The company_settings key of the module switches (`{hotspot: false, …}`; absent: on). */
export const MODULES_KEY = 'modules'

/** Which modules the company has on (src/shared/modules.ts); every module is on until saved. */
export async function getModules(
  db: Db | Kysely<Database>,
  companyId: number,
): Promise<ModuleState> {
  const row = await db
    .selectFrom('company_settings')
    .select('value_json')
    .where('company_id', '=', companyId)
    .where('key', '=', MODULES_KEY)
    .executeTakeFirst()
  return modulesFrom(row?.value_json)
}

export function putModules(
  tx: Kysely<Database>,
  companyId: number,
  value: ModuleState,
  at: string,
): Promise<void> {
  return writeSettings(tx, companyId, MODULES_KEY, value, at)
}
