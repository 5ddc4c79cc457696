import type { Kysely } from 'kysely'
import {
  collectionSettingsInput,
  DEFAULT_COLLECTION_SETTINGS,
  type CollectionSettings,
} from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Database, type Db } from '../db'
import type { CoreDeps } from '../deps'

const KEY = 'collections'

/**
 * The collections policy, stored as company setting 'collections'. A missing or outdated value
 * falls back to the defaults field by field (as every settings group does), so a company that
 * never opened "Kebijakan" runs on BILLING.md's defaults.
 */
export async function getCollectionSettings(
  db: Db | Kysely<Database>,
  companyId: number,
): Promise<CollectionSettings> {
  const row = await db
    .selectFrom('company_settings')
    .select('value_json')
    .where('company_id', '=', companyId)
    .where('key', '=', KEY)
    .executeTakeFirst()
  if (!row) return DEFAULT_COLLECTION_SETTINGS
  const stored: unknown = JSON.parse(row.value_json)
  const out: Record<string, unknown> = { ...DEFAULT_COLLECTION_SETTINGS }
  if (stored && typeof stored === 'object') {
    // Field by field: one field that no longer validates does not throw the others away.
    for (const [name, field] of Object.entries(collectionSettingsInput.shape)) {
      const parsed = field.safeParse((stored as Record<string, unknown>)[name])
      if (parsed.success) out[name] = parsed.data
    }
  }
  return out as CollectionSettings
}

export async function saveCollectionSettings(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  value: CollectionSettings,
): Promise<CollectionSettings> {
  const at = deps.clock.now().toISOString()
  return writeTx(deps.db, async (tx) => {
    const before = await getCollectionSettings(tx, actor.companyId)
    const json = JSON.stringify(value)
    await tx
      .insertInto('company_settings')
      .values({ company_id: actor.companyId, key: KEY, value_json: json, updated_at: at })
      .onConflict((oc) =>
        oc.columns(['company_id', 'key']).doUpdateSet({ value_json: json, updated_at: at }),
      )
      .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'collections.settings',
      entityType: 'company',
      entityId: actor.companyId,
      before: { ...before },
      after: { ...value },
    })
    return value
  })
}

/**
 * Where customers reach this host ("Alamat portal untuk pelanggan"), without a trailing slash:
 * the base of pay links and of the gateways' callback and return URLs; null when not set (the
 * office is behind NAT and payments are found by polling).
 */
export async function customerFacingBase(
  db: Db | Kysely<Database>,
  companyId: number,
): Promise<string | null> {
  const { paymentLinkBase } = await getCollectionSettings(db, companyId)
  return paymentLinkBase.trim().replace(/\/+$/, '') || null
}
