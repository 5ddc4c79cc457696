import { MODULE_KEYS, type ModuleState } from '@shared/modules'
import { appendAudit, diffFields, type Actor } from '../audit'
import { writeTx } from '../db'
import type { CoreDeps } from '../deps'
import { getModules, putModules } from '../settings'

/**
 * Switches modules on or off (keys left out keep their state). Nothing is deleted: a module
 * switched off hides its menus and refuses its procedures; switched on, all its data is back.
 */
export async function saveModules(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  change: Partial<ModuleState>,
): Promise<ModuleState> {
  return writeTx(deps.db, async (tx) => {
    const before = await getModules(tx, actor.companyId)
    const after: ModuleState = { ...before }
    for (const key of MODULE_KEYS) {
      const value = change[key]
      if (typeof value === 'boolean') after[key] = value
    }
    const diff = diffFields(before, after, MODULE_KEYS)
    if (!diff) return before
    await putModules(tx, actor.companyId, after, deps.clock.now().toISOString())
    await appendAudit(tx, deps.clock, actor, {
      action: 'company.modules',
      entityType: 'company',
      entityId: actor.companyId,
      ...diff,
    })
    return after
  })
}
