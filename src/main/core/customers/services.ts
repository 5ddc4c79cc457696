import { randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { ServiceStatus } from '@shared/catalog'
import { compareDates, dateInZone, type CalendarDate } from '@shared/dates'
import { AppError } from '@shared/errors'
import type { ServiceCreateInput, ServiceNetworkInput } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { enqueueDeviceJob, queueServiceSync } from '../device-jobs'
import { listPrice } from '../catalog'
import { nextNumber, writeTx, type Database } from '../db'
import type { CoreDeps } from '../deps'
import { sealLogin } from '../secrets'
import { getCustomerSettings } from '../settings'
import { formatCode, pppoeUsername } from '@shared/codes'
import { refreshCustomer } from './customer-status'
import { nextPeriodStart } from '@shared/periods'

type CompanyActor = Actor & { companyId: number }

const PASSWORD_CHARS = 'abcdefghjkmnpqrstuvwxyz23456789'
export function randomPassword(length: number): string {
  return [...randomBytes(length)].map((b) => PASSWORD_CHARS[b % PASSWORD_CHARS.length]).join('')
}

async function history(
  tx: Kysely<Database>,
  deps: CoreDeps,
  actor: Actor,
  e: {
    serviceId: number
    kind: 'status' | 'package' | 'created'
    from: string | null
    to: string | null
    effective: string
    pending?: boolean
    reason: string | null
  },
) {
  await tx
    .insertInto('service_history')
    .values({
      service_id: e.serviceId,
      kind: e.kind,
      from_value: e.from,
      to_value: e.to,
      effective_date: e.effective,
      pending: e.pending ? 1 : 0,
      reason: e.reason,
      user_id: actor.userId,
      username: actor.username,
      at: deps.clock.now().toISOString(),
    })
    .execute()
}

/** Inside a write transaction: a service with its SID, PPPoE credentials and first history entry. */
export async function insertService(
  tx: Kysely<Database>,
  deps: CoreDeps,
  actor: CompanyActor,
  input: ServiceCreateInput,
  today: CalendarDate,
  /** A SID taken earlier (the registration's Akun step, when the username rule uses it). */
  reservedSid?: string,
): Promise<{ id: number; sid: string }> {
  const customer = await tx
    .selectFrom('customers')
    .select(['id', 'code', 'name'])
    .where('id', '=', input.customerId)
    .where('company_id', '=', actor.companyId)
    .executeTakeFirst()
  if (!customer) throw new AppError('NOT_FOUND', 'customer')
  const product = await tx
    .selectFrom('products')
    .select(['id', 'service_type'])
    .where('id', '=', input.productId)
    .where('company_id', '=', actor.companyId)
    .executeTakeFirst()
  if (!product) throw new AppError('NOT_FOUND', 'product')
  const settings = await getCustomerSettings(tx, actor.companyId)
  const sid =
    reservedSid ??
    formatCode(settings.sidPattern, { n: await nextNumber(tx, actor.companyId, 'sid') })
  const needsPppoe = product.service_type === 'pppoe'
  const username =
    input.pppoeUsername ??
    (needsPppoe
      ? pppoeUsername(settings.pppoeUsernameRule, { code: customer.code, name: customer.name, sid })
      : null)
  await assertOwnRow(tx, 'pops', actor.companyId, input.popId)
  await assertOwnRow(tx, 'routers', actor.companyId, input.routerId)
  const routerId = input.routerId ?? (await defaultRouterId(tx, actor.companyId, input.popId))
  if (username) await assertUsernameFree(tx, actor.companyId, routerId, username, null)
  const activation =
    input.activationDate ?? (input.status === 'aktif' || input.status === 'isolir' ? today : null)
  const now = deps.clock.now().toISOString()
  const row = await tx
    .insertInto('services')
    .values({
      company_id: actor.companyId,
      sid,
      customer_id: customer.id,
      product_id: product.id,
      status: input.status,
      activation_date: activation,
      billing_day: input.billingSchedule.kind === 'fixed' ? input.billingSchedule.day : null,
      price_override: input.priceOverride,
      price_reason: input.priceReason,
      installation_address: input.installationAddress,
      pppoe_username: username,
      pppoe_password: sealLogin(
        deps.secrets,
        username
          ? (input.pppoePassword ?? randomPassword(settings.pppoePasswordLength))
          : input.pppoePassword,
      ),
      static_ip: input.staticIp,
      pop_id: input.popId,
      router_id: routerId,
      notes: input.notes,
      terminated_at: input.status === 'putus' ? now : null,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'sid'])
    .executeTakeFirstOrThrow()
  await history(tx, deps, actor, {
    serviceId: row.id,
    kind: 'created',
    from: null,
    to: input.status,
    effective: activation ?? today,
    reason: null,
  })
  await appendAudit(tx, deps.clock, actor, {
    action: 'services.create',
    entityType: 'service',
    entityId: row.id,
    after: {
      sid,
      customer: customer.code,
      product_id: product.id,
      status: input.status,
      activation_date: activation,
      pppoe_username: username,
    },
  })
  await refreshCustomer(tx, customer.id)
  await queueServiceSync(
    tx,
    { id: row.id, company_id: actor.companyId, router_id: routerId },
    { reason: 'services.create', by: actor.username },
    deps.clock.now(),
  )
  return row
}

/** A PPPoE username is unique per router (RouterOS refuses a second secret with the same name). */
/** A POP or router a form offers is this company's; any other id is NOT_FOUND, not an FK error. */
async function assertOwnRow(
  tx: Kysely<Database>,
  table: 'pops' | 'routers',
  companyId: number,
  id: number | null,
) {
  if (id === null) return
  const row = await tx
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', table === 'pops' ? 'pop' : 'router')
}

async function assertUsernameFree(
  tx: Kysely<Database>,
  companyId: number,
  routerId: number | null,
  username: string,
  exceptServiceId: number | null,
) {
  let q = tx
    .selectFrom('services')
    .select('id')
    .where('company_id', '=', companyId)
    .where('pppoe_username', '=', username)
    .where(sql<number>`coalesce(router_id, 0)`, '=', routerId ?? 0)
  if (exceptServiceId !== null) q = q.where('id', '!=', exceptServiceId)
  if (await q.executeTakeFirst())
    throw new AppError('PPPOE_USERNAME_TAKEN', undefined, { username })
}

/**
 * Where a new service goes when the form names no router: the router serving its POP, else the
 * company's only active router, else none (set later under the service's "Jaringan").
 */
async function defaultRouterId(
  tx: Kysely<Database>,
  companyId: number,
  popId: number | null,
): Promise<number | null> {
  const routers = await tx
    .selectFrom('routers')
    .select(['id', 'pop_id'])
    .where('company_id', '=', companyId)
    .where('active', '=', 1)
    .execute()
  const byPop = popId === null ? undefined : routers.find((r) => r.pop_id === popId)
  if (byPop) return byPop.id
  return routers.length === 1 ? routers[0]!.id : null
}

/** Moves a service to a router, or changes its login or static IP; the router follows. */
export async function updateServiceNetwork(
  deps: CoreDeps,
  actor: CompanyActor,
  input: ServiceNetworkInput,
) {
  return writeTx(deps.db, async (tx) => {
    const before = await loadService(tx, actor.companyId, input.serviceId)
    await assertOwnRow(tx, 'routers', actor.companyId, input.routerId)
    const username = input.pppoeUsername ?? before.pppoe_username
    if (username) await assertUsernameFree(tx, actor.companyId, input.routerId, username, before.id)
    // A new password is sealed; no new password keeps the stored (sealed) one.
    const password =
      input.pppoePassword === null
        ? before.pppoe_password
        : sealLogin(deps.secrets, input.pppoePassword)
    const now = deps.clock.now()
    await tx
      .updateTable('services')
      .set({
        router_id: input.routerId,
        pppoe_username: username,
        pppoe_password: password,
        static_ip: input.staticIp,
        updated_at: now.toISOString(),
      })
      .where('id', '=', before.id)
      .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'services.network',
      entityType: 'service',
      entityId: before.id,
      before: {
        router_id: before.router_id,
        pppoe_username: before.pppoe_username,
        static_ip: before.static_ip,
      },
      after: {
        router_id: input.routerId,
        pppoe_username: username,
        static_ip: input.staticIp,
        password_changed: input.pppoePassword !== null,
      },
    })
    const context = { reason: 'services.network', by: actor.username }
    // Leaving a router: the old one disables the secret (never deletes it, INTEGRATIONS.md).
    if (before.router_id !== null && before.router_id !== input.routerId && before.pppoe_username)
      await enqueueDeviceJob(
        tx,
        {
          companyId: actor.companyId,
          routerId: before.router_id,
          kind: 'secret.disable',
          target: before.pppoe_username,
          ...context,
        },
        now,
      )
    await queueServiceSync(tx, { ...before, router_id: input.routerId }, context, now)
    return { serviceId: before.id }
  })
}

export async function addService(
  deps: CoreDeps,
  actor: CompanyActor,
  input: ServiceCreateInput,
  timeZone: string,
) {
  return writeTx(deps.db, (tx) =>
    insertService(tx, deps, actor, input, dateInZone(deps.clock.now(), timeZone)),
  )
}

async function loadService(tx: Kysely<Database>, companyId: number, id: number) {
  const row = await tx
    .selectFrom('services')
    .selectAll()
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'service')
  return row
}

type StatusChange = {
  serviceId: number
  status: ServiceStatus
  effectiveDate?: string
  reason: string
}

/** Putus is final: a terminated service stays as a record and a new service starts afresh. */
export async function setServiceStatus(
  tx: Kysely<Database>,
  deps: CoreDeps,
  actor: CompanyActor,
  input: StatusChange,
  today: CalendarDate,
) {
  const before = await loadService(tx, actor.companyId, input.serviceId)
  if (before.status === 'putus') throw new AppError('SERVICE_TERMINATED')
  if (before.status === input.status) throw new AppError('INVALID_STATUS_CHANGE', 'same status')
  const effective = input.effectiveDate ?? today
  const now = deps.clock.now().toISOString()
  await tx
    .updateTable('services')
    .set({
      status: input.status,
      activation_date: before.activation_date ?? (input.status === 'aktif' ? effective : null),
      terminated_at: input.status === 'putus' ? now : null,
      updated_at: now,
    })
    .where('id', '=', before.id)
    .execute()
  await history(tx, deps, actor, {
    serviceId: before.id,
    kind: 'status',
    from: before.status,
    to: input.status,
    effective,
    reason: input.reason,
  })
  await appendAudit(tx, deps.clock, actor, {
    action: input.status === 'putus' ? 'services.terminate' : 'services.status',
    entityType: 'service',
    entityId: before.id,
    before: { status: before.status },
    after: { status: input.status, effective_date: effective, reason: input.reason },
  })
  await refreshCustomer(tx, before.customer_id)
  await queueServiceSync(tx, before, { reason: input.reason, by: actor.username }, deps.clock.now())
  return { serviceId: before.id, status: input.status, from: before.status as ServiceStatus }
}

export async function changeServiceStatus(
  deps: CoreDeps,
  actor: CompanyActor,
  input: StatusChange,
  timeZone: string,
) {
  const today = dateInZone(deps.clock.now(), timeZone)
  return writeTx(deps.db, (tx) => setServiceStatus(tx, deps, actor, input, today))
}

type PackageChange = { serviceId: number; productId: number; effectiveDate?: string }

/**
 * What a package change would do, decided in one place for the dialog's preview and the change
 * itself: the price in force today of the old and the new package for this customer, upgrade or
 * downgrade, and the date it takes effect (an upgrade today, a downgrade at the next period by
 * default — BILLING.md rules 9–10).
 */
export async function planPackageChange(
  db: Kysely<Database>,
  companyId: number,
  input: PackageChange,
  today: CalendarDate,
) {
  const service = await loadService(db, companyId, input.serviceId)
  if (service.status === 'putus') throw new AppError('SERVICE_TERMINATED')
  if (service.product_id === input.productId)
    throw new AppError('INVALID_STATUS_CHANGE', 'same package')
  const product = await db
    .selectFrom('products')
    .select('id')
    .where('id', '=', input.productId)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!product) throw new AppError('NOT_FOUND', 'product')
  const customer = await db
    .selectFrom('customers')
    .select(['area_id', 'price_list_id'])
    .where('id', '=', service.customer_id)
    .executeTakeFirstOrThrow()
  const price = (productId: number) =>
    listPrice(db, {
      productId,
      areaId: customer.area_id,
      priceListId: customer.price_list_id,
      on: today,
    })
  const [oldPrice, newPrice] = [
    (await price(service.product_id)).price,
    (await price(input.productId)).price,
  ]
  const direction: 'upgrade' | 'downgrade' = newPrice >= oldPrice ? 'upgrade' : 'downgrade'
  const effectiveDate = (input.effectiveDate ??
    (direction === 'upgrade'
      ? today
      : nextPeriodStart(today, {
          billingDay: service.billing_day,
          activationDate: service.activation_date,
        }))) as CalendarDate
  return {
    service,
    direction,
    effectiveDate,
    pending: compareDates(effectiveDate, today) > 0,
    oldPrice,
    newPrice,
  }
}

export async function previewPackageChange(
  deps: CoreDeps,
  companyId: number,
  input: PackageChange,
  timeZone: string,
) {
  const { service: _service, ...plan } = await planPackageChange(
    deps.db,
    companyId,
    input,
    dateInZone(deps.clock.now(), timeZone),
  )
  return plan
}

/** A package change is kept as history with its effective date (see planPackageChange). */
export async function changePackage(
  deps: CoreDeps,
  actor: CompanyActor,
  input: PackageChange & { reason: string | null },
  timeZone: string,
) {
  const today = dateInZone(deps.clock.now(), timeZone)
  return writeTx(deps.db, (tx) => applyPackageChange(tx, deps, actor, input, today))
}

/** Inside a write transaction: changePackage (a router import that follows the router uses it). */
export async function applyPackageChange(
  tx: Kysely<Database>,
  deps: CoreDeps,
  actor: CompanyActor,
  input: PackageChange & { reason: string | null },
  today: CalendarDate,
) {
  const plan = await planPackageChange(tx, actor.companyId, input, today)
  const { service, direction, oldPrice, newPrice, pending } = plan
  const effective = plan.effectiveDate
  // A newer change replaces a pending one that never took effect.
  await tx
    .deleteFrom('service_history')
    .where('service_id', '=', service.id)
    .where('kind', '=', 'package')
    .where('pending', '=', 1)
    .execute()
  if (!pending) {
    await tx
      .updateTable('services')
      .set({ product_id: input.productId, updated_at: deps.clock.now().toISOString() })
      .where('id', '=', service.id)
      .execute()
    await queueServiceSync(
      tx,
      service,
      { reason: 'services.package_change', by: actor.username },
      deps.clock.now(),
    )
  }
  await history(tx, deps, actor, {
    serviceId: service.id,
    kind: 'package',
    from: String(service.product_id),
    to: String(input.productId),
    effective,
    pending,
    reason: input.reason,
  })
  await appendAudit(tx, deps.clock, actor, {
    action: 'services.package_change',
    entityType: 'service',
    entityId: service.id,
    before: { product_id: service.product_id, price: oldPrice },
    after: {
      product_id: input.productId,
      price: newPrice,
      direction,
      effective_date: effective,
      pending,
    },
  })
  return {
    serviceId: service.id,
    direction,
    effectiveDate: effective,
    pending,
    oldPrice,
    newPrice,
  }
}

/** Applies package changes whose date has come (the scheduler calls this daily). */
export async function applyDuePackageChanges(
  deps: CoreDeps,
  companyId: number,
  today: CalendarDate,
): Promise<number> {
  return writeTx(deps.db, async (tx) => {
    const due = await tx
      .selectFrom('service_history')
      .innerJoin('services', 'services.id', 'service_history.service_id')
      .select(['service_history.id', 'service_history.service_id', 'service_history.to_value'])
      .where('services.company_id', '=', companyId)
      .where('service_history.kind', '=', 'package')
      .where('service_history.pending', '=', 1)
      .where('service_history.effective_date', '<=', today)
      .execute()
    for (const h of due) {
      await tx
        .updateTable('services')
        .set({ product_id: Number(h.to_value), updated_at: deps.clock.now().toISOString() })
        .where('id', '=', h.service_id)
        .where('status', '!=', 'putus')
        .execute()
      await tx.updateTable('service_history').set({ pending: 0 }).where('id', '=', h.id).execute()
      const service = await loadService(tx, companyId, h.service_id)
      await queueServiceSync(
        tx,
        service,
        { reason: 'services.package_change', by: null },
        deps.clock.now(),
      )
    }
    return due.length
  })
}

/** Ends every open service of a customer at once; the customer stays findable with status putus. */
export async function terminateCustomer(
  deps: CoreDeps,
  actor: CompanyActor,
  input: { customerId: number; effectiveDate?: string; reason: string },
  timeZone: string,
) {
  const today = dateInZone(deps.clock.now(), timeZone)
  return writeTx(deps.db, async (tx) => {
    const customer = await tx
      .selectFrom('customers')
      .select(['id', 'status'])
      .where('id', '=', input.customerId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!customer) throw new AppError('NOT_FOUND', 'customer')
    const open = await tx
      .selectFrom('services')
      .select('id')
      .where('customer_id', '=', customer.id)
      .where('status', '!=', 'putus')
      .execute()
    for (const s of open) {
      await setServiceStatus(
        tx,
        deps,
        actor,
        {
          serviceId: s.id,
          status: 'putus',
          effectiveDate: input.effectiveDate,
          reason: input.reason,
        },
        today,
      )
    }
    if (open.length === 0) {
      // A registration that never got a service ends too.
      await tx
        .updateTable('customers')
        .set({ status: 'putus', updated_at: deps.clock.now().toISOString() })
        .where('id', '=', customer.id)
        .execute()
      await appendAudit(tx, deps.clock, actor, {
        action: 'customers.terminate',
        entityType: 'customer',
        entityId: customer.id,
        before: { status: customer.status },
        after: { status: 'putus', reason: input.reason },
      })
    }
    return { terminated: open.length }
  })
}
