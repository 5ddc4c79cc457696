import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import type { RouterInput, RouterTestInput, RouterUpdateInput } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { assertNameFree, companyRow, writeTx, type Database, type RouterDbRow } from '../db'
import { routerDestination } from '@shared/secret-destination'
import { SecretDestinationError } from '../secrets'
import type { NetworkDeps } from './deps'
import { routerAppError } from './router-errors'
import { probeRouter, type RouterApi, type RouterProbe, type RouterTarget } from './routeros'

type CompanyActor = Actor & { companyId: number }

/** What lists and forms show; the password never leaves the host. */
export function routerView(r: RouterDbRow) {
  return {
    id: r.id,
    name: r.name,
    host: r.host,
    port: r.port,
    tls: r.tls === 1,
    username: r.username,
    areaId: r.area_id,
    popId: r.pop_id,
    isolirProfile: r.isolir_profile,
    isolirList: r.isolir_list,
    notes: r.notes,
    active: r.active === 1,
    identity: r.identity,
    version: r.version,
    board: r.board,
    lastSeenAt: r.last_seen_at,
    lastError: r.last_error,
  }
}
export type RouterView = ReturnType<typeof routerView>

export async function listRouters(db: Kysely<Database>, companyId: number) {
  const rows = await db
    .selectFrom('routers')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('name')
    .execute()
  const counts = await db
    .selectFrom('services')
    .select(['router_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('company_id', '=', companyId)
    .where('router_id', 'is not', null)
    .where('status', '!=', 'putus')
    .groupBy('router_id')
    .execute()
  const jobs = await db
    .selectFrom('device_jobs')
    .select(['router_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('company_id', '=', companyId)
    .where('status', 'in', ['pending', 'failed'])
    .groupBy(['router_id', 'status'])
    .execute()
  return rows.map((r) => ({
    ...routerView(r),
    services: Number(counts.find((c) => c.router_id === r.id)?.n ?? 0),
    pendingJobs: Number(jobs.find((j) => j.router_id === r.id && j.status === 'pending')?.n ?? 0),
    failedJobs: Number(jobs.find((j) => j.router_id === r.id && j.status === 'failed')?.n ?? 0),
  }))
}

export const loadRouter = (db: Kysely<Database>, companyId: number, id: number) =>
  companyRow(db, 'routers', companyId, { id }, 'router')

export const findRouterByName = (db: Kysely<Database>, companyId: number, name: string) =>
  companyRow(db, 'routers', companyId, { name }, 'router')

/** Where a router's saved password may go: its own address, port and scheme. */
const destinationOf = (r: Pick<RouterDbRow, 'host' | 'port' | 'tls'>) =>
  routerDestination({ host: r.host, port: r.port, tls: r.tls === 1 })

/** A form that moved the router elsewhere but left the saved password to be reused. */
function retypePassword(): AppError {
  return new AppError('VALIDATION', 'router address changed: enter the password again', {
    issues: [{ path: ['password'], message: 'validation.password_destination_changed' }],
  })
}

/**
 * The saved password, opened for the row's own address only: sealed for its destination, it
 * cannot be sent anywhere a changed row (a tampered database) points at.
 */
function savedPassword(deps: Pick<NetworkDeps, 'secrets'>, row: RouterDbRow): string {
  try {
    return deps.secrets.openFor(row.password_sealed, destinationOf(row))
  } catch (error) {
    if (error instanceof SecretDestinationError)
      throw new AppError(
        'SECRET_DESTINATION_CHANGED',
        'router password saved for another address',
        {
          host: row.host,
          port: row.port,
        },
      )
    throw error
  }
}

export function routerTarget(deps: Pick<NetworkDeps, 'secrets'>, row: RouterDbRow): RouterTarget {
  return {
    host: row.host,
    port: row.port,
    tls: row.tls === 1,
    username: row.username,
    password: savedPassword(deps, row),
  }
}

/** The router's one persistent connection, from the pool. */
export function routerApi(deps: NetworkDeps, row: RouterDbRow): RouterApi {
  return deps.routers.get(String(row.id), routerTarget(deps, row))
}

/** The area and POP a router serves must be this company's. */
async function assertRefs(tx: Kysely<Database>, companyId: number, input: RouterInput) {
  for (const [table, id] of [
    ['areas', input.areaId],
    ['pops', input.popId],
  ] as const) {
    if (id === null) continue
    const found = await tx
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .where('company_id', '=', companyId)
      .executeTakeFirst()
    if (!found) throw new AppError('NOT_FOUND', table === 'areas' ? 'area' : 'pop')
  }
}

export async function createRouter(deps: NetworkDeps, actor: CompanyActor, input: RouterInput) {
  if (!input.password)
    throw new AppError('VALIDATION', 'password required', {
      issues: [{ path: ['password'], message: 'validation.required' }],
    })
  return writeTx(deps.db, async (tx) => {
    await assertNameFree(tx, 'routers', actor.companyId, input.name, null, 'router')
    await assertRefs(tx, actor.companyId, input)
    const now = deps.clock.now().toISOString()
    const row = await tx
      .insertInto('routers')
      .values({
        company_id: actor.companyId,
        name: input.name,
        host: input.host,
        port: input.port,
        tls: input.tls ? 1 : 0,
        username: input.username,
        password_sealed: deps.secrets.sealFor(input.password, routerDestination(input)),
        area_id: input.areaId,
        pop_id: input.popId,
        isolir_profile: input.isolirProfile,
        isolir_list: input.isolirList,
        notes: input.notes,
        active: input.active ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await appendAudit(tx, deps.clock, actor, {
      action: 'routers.create',
      entityType: 'router',
      entityId: row.id,
      after: auditable(row),
    })
    return routerView(row)
  })
}

/** What the audit log keeps of a router: its settings, never its password. */
function auditable(r: RouterDbRow) {
  return {
    name: r.name,
    host: r.host,
    port: r.port,
    tls: r.tls,
    username: r.username,
    area_id: r.area_id,
    pop_id: r.pop_id,
    isolir_profile: r.isolir_profile,
    isolir_list: r.isolir_list,
    active: r.active,
  }
}

export async function updateRouter(
  deps: NetworkDeps,
  actor: CompanyActor,
  input: RouterUpdateInput,
) {
  const updated = await writeTx(deps.db, async (tx) => {
    const before = await loadRouter(tx, actor.companyId, input.id)
    // The saved password goes to the address it was saved for, never to a new one.
    if (!input.password && routerDestination(input) !== destinationOf(before))
      throw retypePassword()
    await assertNameFree(tx, 'routers', actor.companyId, input.name, before.id, 'router')
    await assertRefs(tx, actor.companyId, input)
    const row = await tx
      .updateTable('routers')
      .set({
        name: input.name,
        host: input.host,
        port: input.port,
        tls: input.tls ? 1 : 0,
        username: input.username,
        ...(input.password
          ? { password_sealed: deps.secrets.sealFor(input.password, routerDestination(input)) }
          : {}),
        area_id: input.areaId,
        pop_id: input.popId,
        isolir_profile: input.isolirProfile,
        isolir_list: input.isolirList,
        notes: input.notes,
        active: input.active ? 1 : 0,
        updated_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await appendAudit(tx, deps.clock, actor, {
      action: 'routers.update',
      entityType: 'router',
      entityId: row.id,
      before: auditable(before),
      after: { ...auditable(row), password_changed: input.password !== '' },
    })
    return row
  })
  // New address or credentials: the old connection must not be reused.
  await deps.routers.close(String(updated.id))
  return routerView(updated)
}

/**
 * "Test connection": identity, version, board, uptime, CPU and memory, or the reason it failed in
 * words an operator can act on. A saved router remembers what was seen.
 */
export async function testRouter(
  deps: NetworkDeps,
  companyId: number,
  input: RouterTestInput,
): Promise<RouterProbe> {
  let target: RouterTarget
  let savedId: number | null = null
  if ('host' in input) {
    // The form's values are tested. Its password left empty means the saved one, and that goes
    // only to the address it was saved for.
    let password = input.password
    if (!password && input.id) {
      const saved = await loadRouter(deps.db, companyId, input.id)
      if (routerDestination(input) !== destinationOf(saved)) throw retypePassword()
      password = savedPassword(deps, saved)
    }
    target = {
      host: input.host,
      port: input.port,
      tls: input.tls,
      username: input.username,
      password,
    }
  } else {
    const saved = await loadRouter(deps.db, companyId, input.id)
    target = routerTarget(deps, saved)
    savedId = saved.id
  }
  try {
    const probe = await probeRouter(target, { timeoutMs: 8000 })
    if (savedId !== null) await rememberSeen(deps, savedId, probe, null)
    return probe
  } catch (error) {
    const appError = routerAppError(error, target)
    if (savedId !== null) await rememberSeen(deps, savedId, null, appError.message)
    throw appError
  }
}

export async function rememberSeen(
  deps: Pick<NetworkDeps, 'db' | 'clock'>,
  routerId: number,
  seen: Pick<RouterProbe, 'identity' | 'version' | 'board'> | 'reached' | null,
  error: string | null,
) {
  const now = deps.clock.now().toISOString()
  const set =
    seen === 'reached'
      ? { last_seen_at: now, last_error: null }
      : seen
        ? {
            identity: seen.identity,
            version: seen.version,
            board: seen.board,
            last_seen_at: now,
            last_error: null,
          }
        : { last_error: error }
  await writeTx(deps.db, (tx) =>
    tx.updateTable('routers').set(set).where('id', '=', routerId).execute(),
  )
}
