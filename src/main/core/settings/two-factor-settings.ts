import type { Kysely } from 'kysely'
import {
  DEFAULT_TWO_FACTOR_SETTINGS,
  twoFactorSettingsInput,
  type TwoFactorSettings,
} from '@shared/schemas'
import type { Clock } from '../clock'
import type { Database, Db } from '../db'
import { readSettings, writeSettings } from './stored-settings'

/** The company's 2FA rule (off by default): who must confirm a sign-in with a WhatsApp code. */
export function getTwoFactorSettings(
  db: Db | Kysely<Database>,
  companyId: number,
): Promise<TwoFactorSettings> {
  return readSettings(
    db,
    companyId,
    'two_factor',
    twoFactorSettingsInput,
    DEFAULT_TWO_FACTOR_SETTINGS,
  )
}

export function putTwoFactorSettings(
  tx: Kysely<Database>,
  clock: Clock,
  companyId: number,
  value: TwoFactorSettings,
): Promise<void> {
  return writeSettings(tx, companyId, 'two_factor', value, clock.now().toISOString())
}
