import { appendAudit, diffFields, type Actor } from '../audit'
import { writeTx } from '../db'
import type { CoreDeps } from '../deps'
import { getCustomerSettings, putCustomerSettings, type CustomerSettings } from '../settings'

/** How new services get their SID and PPPoE credentials; existing ones keep theirs. */
export async function updateCustomerSettings(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  input: CustomerSettings,
): Promise<CustomerSettings> {
  return writeTx(deps.db, async (tx) => {
    const before = await getCustomerSettings(tx, actor.companyId)
    await putCustomerSettings(tx, actor.companyId, input, deps.clock.now().toISOString())
    const diff = diffFields(before, input, [
      'sidPattern',
      'pppoeUsernameRule',
      'pppoePasswordLength',
    ])
    if (diff) {
      await appendAudit(tx, deps.clock, actor, {
        action: 'company.update',
        entityType: 'company',
        entityId: actor.companyId,
        ...diff,
      })
    }
    return input
  })
}
