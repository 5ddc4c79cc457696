import { dateInZone } from '@shared/dates'
import type { Actor } from '../audit'
import { writeTx } from '../db'
import type { JobCounts } from '../deps'
import { loadTemplate, queueMessages } from '../messaging'
import { contactOf, loadCustomers } from './data'
import type { AutopilotDeps } from './deps'
import { dateText } from './format'
import { EMPTY_QUEUE, queueCounts, render } from './messages'
import { getCollectionSettings } from './settings'
import { customerTemplateValues } from './template-values'

/**
 * "Paket berubah" after a package change is saved: the new package and the day it takes
 * effect (a downgrade waits for the next period). One message per (service, package, day), so a
 * retried request tells the customer once.
 */
export async function queuePackageNotice(
  deps: AutopilotDeps,
  actor: Actor & { companyId: number },
  change: { serviceId: number; productId: number; effectiveDate: string },
  timeZone: string,
): Promise<JobCounts> {
  const settings = await getCollectionSettings(deps.db, actor.companyId)
  if (!settings.sendPackageNotice) return { disabled: 1 }
  const service = await deps.db
    .selectFrom('services as s')
    .innerJoin('products as p', (j) => j.on('p.id', '=', change.productId))
    .select(['s.customer_id', 'p.name as product'])
    .where('s.id', '=', change.serviceId)
    .where('s.company_id', '=', actor.companyId)
    .executeTakeFirst()
  if (!service) return queueCounts(EMPTY_QUEUE)
  const today = dateInZone(deps.clock.now(), timeZone)
  const [tpl, values, customers] = await Promise.all([
    loadTemplate(deps.db, actor.companyId, 'package_changed'),
    customerTemplateValues(deps.db, actor.companyId, service.customer_id, today),
    loadCustomers(deps.db, actor.companyId, [service.customer_id]),
  ])
  const customer = customers.get(service.customer_id)
  if (!customer) return queueCounts(EMPTY_QUEUE)
  const result = await writeTx(deps.db, (tx) =>
    queueMessages(
      tx,
      { companyId: actor.companyId, at: deps.clock.now().toISOString(), createdBy: actor.username },
      [
        {
          customerId: customer.id,
          contact: contactOf(customer),
          kind: 'package_changed',
          ...render(tpl, {
            ...values,
            paket: service.product,
            tanggal: dateText(change.effectiveDate),
          }),
          dedupeKey: `package:${change.serviceId}:${change.productId}:${change.effectiveDate}`,
          refType: 'service',
          refId: change.serviceId,
        },
      ],
    ),
  )
  if (result.queued > 0) deps.onMessages?.()
  return queueCounts(result)
}
