import { addMonths, calendarDate } from '@shared/dates'
import { AppError } from '@shared/errors'
import { listPrice } from '../catalog'
import type { CoreDeps } from '../deps'
import { serviceDeviceStates } from '../device-jobs'

/** Everything the customer page shows: identity, services with their price, and the timeline. */
export async function getCustomer(
  { db }: Pick<CoreDeps, 'db'>,
  companyId: number,
  id: number,
  today: string,
) {
  const c = await db
    .selectFrom('customers')
    .innerJoin('areas', 'areas.id', 'customers.area_id')
    .leftJoin('users', 'users.id', 'customers.account_manager_id')
    .selectAll('customers')
    .select([
      'areas.code as area_code',
      'areas.name as area_name',
      'users.name as account_manager_name',
    ])
    .where('customers.id', '=', id)
    .where('customers.company_id', '=', companyId)
    .executeTakeFirst()
  if (!c) throw new AppError('NOT_FOUND', 'customer')
  const services = await db
    .selectFrom('services')
    .innerJoin('products', 'products.id', 'services.product_id')
    .leftJoin('routers', 'routers.id', 'services.router_id')
    .selectAll('services')
    .select([
      'routers.name as router_name',
      'products.name as product_name',
      'products.service_type',
      'products.download_kbps',
      'products.upload_kbps',
    ])
    .where('services.customer_id', '=', id)
    .orderBy('services.id')
    .execute()
  const serviceIds = services.map((s) => s.id)
  const deviceStates = await serviceDeviceStates(db, serviceIds)
  // Past its quota (usage/fup.ts): on the FUP speed until the next period starts.
  const fupUntil = new Map(
    (serviceIds.length
      ? await db
          .selectFrom('usage_fup')
          .select(['service_id', 'period'])
          .where('service_id', 'in', serviceIds)
          .where('throttled_at', 'is not', null)
          .where('restored_at', 'is', null)
          .orderBy('period')
          .execute()
      : []
    ).map((f) => [f.service_id, addMonths(calendarDate(`${f.period}-01`), 1)]),
  )
  const hist = serviceIds.length
    ? await db
        .selectFrom('service_history')
        .selectAll()
        .where('service_id', 'in', serviceIds)
        .orderBy('id', 'desc')
        .execute()
    : []
  const productNames = new Map(
    (
      await db
        .selectFrom('products')
        .select(['id', 'name'])
        .where('company_id', '=', companyId)
        .execute()
    ).map((p) => [String(p.id), p.name]),
  )
  const audits = await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'username', 'action', 'before_json', 'after_json'])
    .where('company_id', '=', companyId)
    .where('entity_type', '=', 'customer')
    .where('entity_id', '=', String(id))
    .orderBy('id', 'desc')
    .execute()
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    category: c.category,
    status: c.status,
    nik: c.nik,
    phone: c.phone,
    whatsapp: c.whatsapp,
    email: c.email,
    address: c.address,
    latitude: c.latitude,
    longitude: c.longitude,
    npwp: c.npwp,
    accountManagerId: c.account_manager_id,
    accountManagerName: c.account_manager_name,
    marketer: c.marketer,
    priceListId: c.price_list_id,
    notes: c.notes,
    area: { id: c.area_id, code: c.area_code, name: c.area_name },
    createdAt: c.created_at,
    services: await Promise.all(
      services.map(async (s) => {
        const list = await listPrice(db, {
          productId: s.product_id,
          areaId: c.area_id,
          priceListId: c.price_list_id,
          on: today,
        })
        const pending = hist.find(
          (h) => h.service_id === s.id && h.kind === 'package' && h.pending === 1,
        )
        return {
          id: s.id,
          sid: s.sid,
          status: s.status,
          productId: s.product_id,
          productName: s.product_name,
          serviceType: s.service_type,
          downloadMbps: s.download_kbps == null ? null : s.download_kbps / 1000,
          uploadMbps: s.upload_kbps == null ? null : s.upload_kbps / 1000,
          listPrice: list.price,
          priceSource: list.source,
          priceOverride: s.price_override,
          priceReason: s.price_reason,
          monthlyPrice: s.price_override ?? list.price,
          activationDate: s.activation_date,
          billingDay: s.billing_day,
          installationAddress: s.installation_address,
          pppoeUsername: s.pppoe_username,
          // The password itself only through showServiceCredentials: a permission, and audited.
          hasPppoePassword: s.pppoe_password !== null && s.pppoe_password !== '',
          staticIp: s.static_ip,
          routerId: s.router_id,
          routerName: s.router_name,
          /** "Menunggu router" until the router has what the database says. */
          device: deviceStates.get(s.id) ?? null,
          /** On the FUP speed until this day (`YYYY-MM-DD`), or null. */
          fupUntil: fupUntil.get(s.id) ?? null,
          popId: s.pop_id,
          notes: s.notes,
          terminatedAt: s.terminated_at,
          pendingChange: pending
            ? {
                productId: Number(pending.to_value),
                productName: productNames.get(pending.to_value ?? '') ?? '?',
                effectiveDate: pending.effective_date,
              }
            : null,
        }
      }),
    ),
    history: [
      ...hist.map((h) => ({
        at: h.at,
        kind: h.kind,
        sid: services.find((s) => s.id === h.service_id)?.sid ?? '',
        from:
          h.kind === 'package'
            ? (productNames.get(h.from_value ?? '') ?? h.from_value)
            : h.from_value,
        to: h.kind === 'package' ? (productNames.get(h.to_value ?? '') ?? h.to_value) : h.to_value,
        effectiveDate: h.effective_date,
        pending: h.pending === 1,
        reason: h.reason,
        username: h.username,
      })),
      ...audits.map((a) => ({
        at: a.at,
        kind: a.action,
        sid: '',
        from: a.before_json,
        to: a.after_json,
        effectiveDate: a.at.slice(0, 10),
        pending: false,
        reason: null,
        username: a.username,
      })),
    ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)),
  }
}

export type CustomerDetail = Awaited<ReturnType<typeof getCustomer>>

/** The customer with this code (CLI and scripts name customers by code), or NOT_FOUND. */
export async function customerIdByCode(
  deps: Pick<CoreDeps, 'db'>,
  companyId: number,
  code: string,
): Promise<number> {
  const row = await deps.db
    .selectFrom('customers')
    .select('id')
    .where('company_id', '=', companyId)
    .where('code', '=', code)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'customer', { code })
  return row.id
}
