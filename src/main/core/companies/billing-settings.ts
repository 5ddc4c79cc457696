import { appendAudit, diffFields, type Actor } from '../audit'
import { writeTx } from '../db'
import type { CoreDeps } from '../deps'
import { getBillingSettings, putBillingSettings, type BillingSettings } from '../settings'

/** Billing policy changes apply to what is billed from now on; issued invoices never change. */
export async function updateBillingSettings(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  input: BillingSettings,
): Promise<BillingSettings> {
  return writeTx(deps.db, async (tx) => {
    const before = await getBillingSettings(tx, actor.companyId)
    await putBillingSettings(tx, actor.companyId, input, deps.clock.now().toISOString())
    const keys = Object.keys(input) as (keyof BillingSettings)[]
    const diff = diffFields(
      { ...before, bankAccounts: JSON.stringify(before.bankAccounts) },
      { ...input, bankAccounts: JSON.stringify(input.bankAccounts) },
      keys,
    )
    if (diff) {
      await appendAudit(tx, deps.clock, actor, {
        action: 'billing.settings',
        entityType: 'company',
        entityId: actor.companyId,
        ...diff,
      })
    }
    return input
  })
}
