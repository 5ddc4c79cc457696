import type { Kysely } from 'kysely'
import { DEFAULT_PORTAL_SETTINGS, portalSettingsInput, type PortalSettings } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Database, type Db } from '../db'
import type { CoreDeps } from '../deps'
import { getModules, readSettings, writeSettings } from '../settings'

const KEY = 'portal'

export function getPortalSettings(
  db: Db | Kysely<Database>,
  companyId: number,
): Promise<PortalSettings> {
  return readSettings(db, companyId, KEY, portalSettingsInput, DEFAULT_PORTAL_SETTINGS)
}

export async function savePortalSettings(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  value: PortalSettings,
): Promise<PortalSettings> {
  return writeTx(deps.db, async (tx) => {
    const before = await getPortalSettings(tx, actor.companyId)
    await writeSettings(tx, actor.companyId, KEY, value, deps.clock.now().toISOString())
    await appendAudit(tx, deps.clock, actor, {
      action: 'portal.settings',
      entityType: 'company',
      entityId: actor.companyId,
      before,
      after: value,
    })
    return value
  })
}

/**
 * The company the portal serves. Customers reach /portal with no session, as they reach the
 * isolir page: one office runs one company, so the first one.
 */
export async function portalCompany(db: Db) {
  return db
    .selectFrom('companies')
    .select(['id', 'name', 'phone', 'email', 'address', 'time_zone'])
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
}

export interface PortalStatus {
  available: boolean
  companyName: string | null
  selfRegistration: boolean
}

/** What the portal's first page needs before anyone signs in. */
export async function portalStatus({ db }: CoreDeps): Promise<PortalStatus> {
  const company = await portalCompany(db)
  if (!company) return { available: false, companyName: null, selfRegistration: false }
  const modules = await getModules(db, company.id)
  const settings = await getPortalSettings(db, company.id)
  return {
    available: modules.portal,
    companyName: company.name,
    selfRegistration: modules.portal && settings.selfRegistration,
  }
}
