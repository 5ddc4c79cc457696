import type { Kysely } from 'kysely'
import {
  DEFAULT_CUSTOMER_SETTINGS,
  customerSettingsInput,
  type CustomerSettingsInput,
} from '@shared/schemas'
import type { Database, Db } from '../db'
import { readSettings, writeSettings } from './stored-settings'

/** How public numbers and PPPoE credentials are made (company settings, with defaults). */
export type CustomerSettings = CustomerSettingsInput

export function getCustomerSettings(
  db: Db | Kysely<Database>,
  companyId: number,
): Promise<CustomerSettings> {
  return readSettings(db, companyId, 'customers', customerSettingsInput, DEFAULT_CUSTOMER_SETTINGS)
}

export function putCustomerSettings(
  tx: Kysely<Database>,
  companyId: number,
  value: CustomerSettings,
  at: string,
): Promise<void> {
  return writeSettings(tx, companyId, 'customers', value, at)
}
