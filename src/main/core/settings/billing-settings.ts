import type { Kysely } from 'kysely'
import {
  DEFAULT_BILLING_SETTINGS,
  billingSettingsInput,
  type BillingSettingsInput,
} from '@shared/schemas'
import type { Database, Db } from '../db'
import { readSettings, writeSettings } from './stored-settings'

/** Billing policy (BILLING.md): numbering, due dates, proration, tax, rounding, payments. */
export type BillingSettings = BillingSettingsInput

export function getBillingSettings(
  db: Db | Kysely<Database>,
  companyId: number,
): Promise<BillingSettings> {
  return readSettings(db, companyId, 'billing', billingSettingsInput, DEFAULT_BILLING_SETTINGS)
}

export function putBillingSettings(
  tx: Kysely<Database>,
  companyId: number,
  value: BillingSettings,
  at: string,
): Promise<void> {
  return writeSettings(tx, companyId, 'billing', value, at)
}
