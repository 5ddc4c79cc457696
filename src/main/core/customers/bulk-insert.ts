import { randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { ServiceStatus } from '@shared/catalog'
import { AppError } from '@shared/errors'
import type { Database } from '../db'
import type { CoreDeps } from '../deps'
import { queueServiceSyncs } from '../device-jobs'
import { sealLogin } from '../secrets'
import { getCustomerSettings } from '../settings'
import { formatCode, parseCodeNumber, pppoeUsername } from '@shared/codes'
import { deriveCustomerStatus } from './customer-status'

/** One customer (and optionally its first service) for an import or the demo data. */
export interface BulkCustomerRow {
  code: string | null
  areaId: number
  name: string
  category: string
  nik: string | null
  phone: string | null
  email: string | null
  address: string
  npwp: string | null
  notes: string | null
  service: {
    productId: number
    serviceType: string
    status: ServiceStatus
    activationDate: string | null
    billingDay: number | null
    priceOverride: number | null
    pppoeUsername: string | null
    pppoePassword: string | null
    staticIp: string | null
    /** The router it lives on; left out: the company's only router (none when it has several). */
    routerId?: number | null
  } | null
}

const CHUNK = 200
const PASSWORD_CHARS = 'abcdefghjkmnpqrstuvwxyz23456789'

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
  return out
}

/**
 * Thousands of customers in one write transaction, fast: codes, SIDs and PPPoE usernames are
 * assigned in memory from the counters (read once, written once), rows go in as multi-row
 * INSERTs. The same rules as one-by-one creation: codes from the area pattern and never reused,
 * a SID sequence, usernames unique. The caller writes one audit entry for the whole batch.
 */
export async function bulkInsertCustomers(
  tx: Kysely<Database>,
  deps: CoreDeps,
  companyId: number,
  rows: BulkCustomerRow[],
): Promise<{ codes: string[]; services: number; serviceIds: number[] }> {
  const now = deps.clock.now().toISOString()
  const settings = await getCustomerSettings(tx, companyId)
  const areas = new Map(
    (
      await tx
        .selectFrom('areas')
        .select(['id', 'code', 'code_pattern'])
        .where('company_id', '=', companyId)
        .execute()
    ).map((a) => [a.id, a]),
  )
  const counters = new Map(
    (
      await tx
        .selectFrom('counters')
        .select(['name', 'value'])
        .where('company_id', '=', companyId)
        .execute()
    ).map((c) => [c.name, c.value]),
  )
  const takenCodes = new Set(
    (
      await tx.selectFrom('customers').select('code').where('company_id', '=', companyId).execute()
    ).map((c) => c.code),
  )
  const takenUsernames = new Set(
    (
      await tx
        .selectFrom('services')
        .select('pppoe_username')
        .where('company_id', '=', companyId)
        .where('pppoe_username', 'is not', null)
        .execute()
    ).map((s) => s.pppoe_username!),
  )
  const bump = (name: string, n: number) => counters.set(name, Math.max(counters.get(name) ?? 0, n))

  // Given codes first, so generated ones skip past them.
  for (const r of rows) {
    if (!r.code) continue
    const area = areas.get(r.areaId)!
    const n = parseCodeNumber(area.code_pattern, area.code, r.code)
    if (n) bump(`customer:${r.areaId}`, n)
    takenCodes.add(r.code)
  }
  const codes = rows.map((r) => {
    if (r.code) return r.code
    const area = areas.get(r.areaId)!
    const key = `customer:${r.areaId}`
    for (;;) {
      const n = (counters.get(key) ?? 0) + 1
      counters.set(key, n)
      const code = formatCode(area.code_pattern, { area: area.code, n })
      if (!takenCodes.has(code)) {
        takenCodes.add(code)
        return code
      }
    }
  })

  const ids = new Map<string, number>()
  for (const part of chunks(rows.map((r, i) => ({ r, code: codes[i]! })))) {
    const inserted = await tx
      .insertInto('customers')
      .values(
        part.map(({ r, code }) => ({
          company_id: companyId,
          code,
          area_id: r.areaId,
          name: r.name,
          category: r.category,
          nik: r.nik,
          phone: r.phone,
          whatsapp: r.phone,
          email: r.email,
          address: r.address,
          npwp: r.npwp,
          notes: r.notes,
          status: r.service ? deriveCustomerStatus([r.service.status]) : 'registrasi',
          created_at: now,
          updated_at: now,
        })),
      )
      .returning(['id', 'code'])
      .execute()
    for (const row of inserted) ids.set(row.code, row.id)
  }

  const services = rows.flatMap((r, i) => {
    if (!r.service) return []
    const s = r.service
    const code = codes[i]!
    const sid = formatCode(settings.sidPattern, { n: (counters.get('sid') ?? 0) + 1 })
    counters.set('sid', (counters.get('sid') ?? 0) + 1)
    let username =
      s.pppoeUsername ??
      (s.serviceType === 'pppoe'
        ? pppoeUsername(settings.pppoeUsernameRule, { code, name: r.name, sid })
        : null)
    if (username && !s.pppoeUsername) {
      // A generated username that collides gets the SID appended rather than failing the batch.
      if (takenUsernames.has(username)) username = `${username}-${sid.toLowerCase()}`
    }
    if (username) takenUsernames.add(username)
    const password = username
      ? (s.pppoePassword ??
        [...randomBytes(settings.pppoePasswordLength)]
          .map((b) => PASSWORD_CHARS[b % PASSWORD_CHARS.length])
          .join(''))
      : s.pppoePassword
    return [
      {
        customerId: ids.get(code)!,
        areaId: r.areaId,
        code,
        sid,
        s,
        username,
        password,
        name: r.name,
        phone: r.phone,
        address: r.address,
      },
    ]
  })
  // The same rule as one-by-one creation: with a single router, imported services live there and
  // the router learns about them through the queue. With several, the caller says which.
  const routers = await activeRouterIds(tx, companyId)
  const only = routers.length === 1 ? routers[0]! : null
  const routerOf = (x: (typeof services)[number]) =>
    x.s.routerId === undefined ? only : x.s.routerId
  const stranded = services.filter((x) => PROVISIONED.has(x.s.status) && routerOf(x) === null)
  if (routers.length > 0 && stranded.length > 0) {
    // Never a working service that no router knows of: isolir and restore could not reach it.
    const areaCodes = new Set(stranded.map((x) => areas.get(x.areaId)!.code))
    throw new AppError(
      'IMPORT_ROUTER_REQUIRED',
      `${stranded.length} active service(s) without a router`,
      {
        count: stranded.length,
        areas: [...areaCodes].join(', '),
      },
    )
  }
  const serviceIds = new Map<string, number>()
  for (const part of chunks(services)) {
    const inserted = await tx
      .insertInto('services')
      .values(
        part.map((x) => ({
          company_id: companyId,
          sid: x.sid,
          customer_id: x.customerId,
          product_id: x.s.productId,
          status: x.s.status,
          activation_date: x.s.activationDate,
          billing_day: x.s.billingDay,
          price_override: x.s.priceOverride,
          pppoe_username: x.username,
          pppoe_password: sealLogin(deps.secrets, x.password),
          static_ip: x.s.staticIp,
          router_id: routerOf(x),
          terminated_at: x.s.status === 'putus' ? now : null,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning(['id', 'sid'])
      .execute()
    for (const row of inserted) serviceIds.set(row.sid, row.id)
  }
  for (const part of chunks(services)) {
    await tx
      .insertInto('service_history')
      .values(
        part.map((x) => ({
          service_id: serviceIds.get(x.sid)!,
          kind: 'created',
          from_value: null,
          to_value: x.s.status,
          effective_date: x.s.activationDate ?? now.slice(0, 10),
          pending: 0,
          reason: 'import',
          user_id: null,
          username: null,
          at: now,
        })),
      )
      .execute()
  }

  await queueServiceSyncs(
    tx,
    services
      .filter((x) => PROVISIONED.has(x.s.status))
      .map((x) => ({ id: serviceIds.get(x.sid)!, company_id: companyId, router_id: routerOf(x) })),
    { reason: 'import', by: null },
    new Date(now),
  )

  const byCustomer = new Map(services.map((x) => [x.code, x]))
  for (const part of chunks(rows.map((r, i) => ({ r, code: codes[i]! })))) {
    const values = part.map(({ r, code }) => {
      const s = byCustomer.get(code)
      const phones = r.phone ? [r.phone, `0${r.phone.slice(2)}`] : []
      const body = [
        code,
        r.name,
        ...phones,
        r.address,
        s?.sid ?? '',
        s?.username ?? '',
        s?.s.staticIp ?? '',
      ]
        .join(' | ')
        .toLowerCase()
      return sql`(${ids.get(code)!}, ${body})`
    })
    await sql`INSERT INTO customer_search (rowid, body) VALUES ${sql.join(values)}`.execute(tx)
  }

  for (const [name, value] of counters) {
    await tx
      .insertInto('counters')
      .values({ company_id: companyId, name, value })
      .onConflict((oc) => oc.columns(['company_id', 'name']).doUpdateSet({ value }))
      .execute()
  }
  return {
    codes,
    services: services.length,
    serviceIds: services.map((x) => serviceIds.get(x.sid)!),
  }
}

/** Statuses a router must know about; registrations and terminated lines wait for a person. */
const PROVISIONED = new Set<ServiceStatus>(['aktif', 'isolir'])

async function activeRouterIds(tx: Kysely<Database>, companyId: number): Promise<number[]> {
  const routers = await tx
    .selectFrom('routers')
    .select('id')
    .where('company_id', '=', companyId)
    .where('active', '=', 1)
    .execute()
  return routers.map((r) => r.id)
}
