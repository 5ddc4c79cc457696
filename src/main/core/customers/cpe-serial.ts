import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import { writeTx } from '../db'
import type { CoreDeps } from '../deps'

/**
 * Saves the serial of the CPE installed for a service (empty clears it), so the ACS card finds a
 * CPE that does not report the PPPoE login (issue 18).
 */
export async function setServiceCpeSerial(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  input: { serviceId: number; serial: string },
): Promise<{ serviceId: number; serial: string | null }> {
  const serial = input.serial === '' ? null : input.serial
  return writeTx(deps.db, async (tx) => {
    const before = await tx
      .selectFrom('services')
      .select(['id', 'cpe_serial', 'status'])
      .where('id', '=', input.serviceId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!before) throw new AppError('NOT_FOUND', 'service')
    if (before.status === 'putus') throw new AppError('SERVICE_TERMINATED')
    await tx
      .updateTable('services')
      .set({ cpe_serial: serial, updated_at: deps.clock.now().toISOString() })
      .where('id', '=', before.id)
      .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'services.cpe_serial',
      entityType: 'service',
      entityId: before.id,
      before: { cpe_serial: before.cpe_serial },
      after: { cpe_serial: serial },
    })
    return { serviceId: before.id, serial }
  })
}
