import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import { writeTx } from '../db'
import type { CoreDeps } from '../deps'
import { openLogin } from '../secrets'

/**
 * "Tampilkan" on a service's PPPoE password: the login in clear for someone holding
 * `customers.credentials` (the API checks it), and an audit entry saying who looked at whose
 * password and when (never the password). The customer page itself never carries it.
 */
export async function showServiceCredentials(
  deps: Pick<CoreDeps, 'db' | 'clock' | 'secrets'>,
  actor: Actor & { companyId: number },
  serviceId: number,
) {
  return writeTx(deps.db, async (tx) => {
    const s = await tx
      .selectFrom('services')
      .select(['id', 'sid', 'customer_id', 'pppoe_username', 'pppoe_password'])
      .where('id', '=', serviceId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!s) throw new AppError('NOT_FOUND', 'service')
    await appendAudit(tx, deps.clock, actor, {
      action: 'customers.credentials_view',
      entityType: 'customer',
      entityId: s.customer_id,
      after: { sid: s.sid, pppoe_username: s.pppoe_username },
    })
    return {
      serviceId: s.id,
      pppoeUsername: s.pppoe_username,
      pppoePassword: openLogin(deps.secrets, s.pppoe_password),
    }
  })
}
