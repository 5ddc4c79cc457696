import type { Kysely } from 'kysely'
import {
  DEFAULT_SECURITY_SETTINGS,
  securitySettingsInput,
  type SecuritySettings,
} from '@shared/schemas'
import type { Clock } from '../clock'
import type { Database, Db } from '../db'
import { readSettings, settingsFrom, writeSettings } from './stored-settings'

export function getSecuritySettings(
  db: Db | Kysely<Database>,
  companyId: number,
): Promise<SecuritySettings> {
  return readSettings(db, companyId, 'security', securitySettingsInput, DEFAULT_SECURITY_SETTINGS)
}

/** The group from its stored JSON (null: never saved), read as part of a larger query. */
export function securitySettingsFrom(json: string | null): SecuritySettings {
  return settingsFrom(json, securitySettingsInput, DEFAULT_SECURITY_SETTINGS)
}

export function putSecuritySettings(
  tx: Kysely<Database>,
  clock: Clock,
  companyId: number,
  value: SecuritySettings,
): Promise<void> {
  return writeSettings(tx, companyId, 'security', value, clock.now().toISOString())
}
