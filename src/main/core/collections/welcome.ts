import { dateInZone } from '@shared/dates'
import type { Actor } from '../audit'
import { writeTx } from '../db'
import type { JobCounts } from '../deps'
import { loadTemplate, queueMessages, type MessagingDeps, type OutgoingMessage } from '../messaging'
import { openLogin } from '../secrets'
import { chunks, contactOf, loadCompany, loadCustomers } from './data'
import { dateText, invoiceValues } from './format'
import { EMPTY_QUEUE, queueCounts, render } from './messages'
import { getCollectionSettings } from './settings'
import { NO_PAY_LINKS } from '../pay-links'

/** Statuses of a service that has been (or still is) in service: its customer is not new. */
const IN_SERVICE = ['aktif', 'isolir', 'putus'] as const

/**
 * "Selamat datang" with the service's login, once per customer (dedupe `welcome:<customer>`),
 * when their first service becomes active: created active one by one, by a spreadsheet or router
 * import, or moved to aktif from registrasi/survei/instalasi. `serviceIds` are the services that
 * just did so (the callers know the transition); a customer who already has or had another
 * service in service (a second line, a returning putus customer) is not welcomed again.
 * The PPPoE/hotspot password is sealed at rest and opened here with the data directory's key, as
 * the router worker does; a service without a login says "-" rather than leaving a gap.
 */
export async function queueWelcomeMessages(
  deps: MessagingDeps,
  actor: Actor & { companyId: number },
  serviceIds: number[],
  timeZone: string,
  /**
   * Also services that start isolated: a new line connected "batasi koneksi sebelum pembayaran"
   * is in service, waiting for its first payment (the registration's activation).
   */
  options: { includeIsolated?: boolean } = {},
): Promise<JobCounts> {
  if (serviceIds.length === 0) return queueCounts(EMPTY_QUEUE)
  const settings = await getCollectionSettings(deps.db, actor.companyId)
  if (!settings.sendWelcome) return { disabled: 1 }
  const companyId = actor.companyId
  const started = new Set(serviceIds)
  const services = []
  for (const part of chunks([...started])) {
    services.push(
      ...(await deps.db
        .selectFrom('services as s')
        .innerJoin('products as p', 'p.id', 's.product_id')
        .select(['s.id', 's.customer_id', 's.pppoe_username', 's.pppoe_password', 'p.name'])
        .where('s.company_id', '=', companyId)
        .where('s.id', 'in', part)
        .where('s.status', 'in', options.includeIsolated ? ['aktif', 'isolir'] : ['aktif'])
        .orderBy('s.id')
        .execute()),
    )
  }
  const first = new Map<number, (typeof services)[number]>()
  for (const s of services) if (!first.has(s.customer_id)) first.set(s.customer_id, s)
  const veterans = new Set<number>()
  for (const part of chunks([...first.keys()])) {
    const others = await deps.db
      .selectFrom('services')
      .select(['id', 'customer_id'])
      .where('company_id', '=', companyId)
      .where('customer_id', 'in', part)
      .where('status', 'in', IN_SERVICE)
      .execute()
    for (const o of others) if (!started.has(o.id)) veterans.add(o.customer_id)
  }
  const welcome = [...first.values()].filter((s) => !veterans.has(s.customer_id))
  if (welcome.length === 0) return queueCounts(EMPTY_QUEUE)

  const [tpl, customers, company] = await Promise.all([
    loadTemplate(deps.db, companyId, 'welcome'),
    loadCustomers(
      deps.db,
      companyId,
      welcome.map((s) => s.customer_id),
    ),
    loadCompany(deps.db, companyId),
  ])
  const today = dateText(dateInZone(deps.clock.now(), timeZone))
  const items: OutgoingMessage[] = []
  for (const s of welcome) {
    const customer = customers.get(s.customer_id)
    if (!customer) continue
    items.push({
      customerId: customer.id,
      contact: contactOf(customer),
      kind: 'welcome',
      ...render(tpl, {
        ...invoiceValues(company, NO_PAY_LINKS, customer, [], null),
        paket: s.name,
        username: s.pppoe_username || '-',
        password: openLogin(deps.secrets, s.pppoe_password) || '-',
        tanggal: today,
      }),
      dedupeKey: `welcome:${customer.id}`,
      refType: 'service',
      refId: s.id,
    })
  }
  const at = deps.clock.now().toISOString()
  const result = await writeTx(deps.db, (tx) =>
    queueMessages(tx, { companyId, at, createdBy: actor.username }, items),
  )
  if (result.queued > 0) deps.onMessages?.()
  return queueCounts(result)
}

/** Statuses before a line is connected: leaving one of them for aktif is a first activation. */
export const BEFORE_SERVICE: ReadonlySet<string> = new Set([
  'registrasi',
  'survei',
  'instalasi',
  'in_progress',
])

/**
 * The welcome after services became active for the first time, for callers whose change has
 * already committed (a status change, a spreadsheet or router import): the change stands whatever
 * happens here, so a failure is reported (logged by the host, told on stderr by the CLI) and the
 * customer can still be told by hand.
 */
export async function welcomeFirstServices(
  deps: MessagingDeps,
  actor: Actor & { companyId: number },
  serviceIds: number[],
  timeZone: string,
  report: (error: unknown) => void = (error) => console.error('welcome message:', error),
): Promise<void> {
  if (serviceIds.length === 0) return
  try {
    await queueWelcomeMessages(deps, actor, serviceIds, timeZone)
  } catch (error) {
    report(error)
  }
}
