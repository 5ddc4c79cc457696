import type { Kysely } from 'kysely'
import { AppError, type ErrorCode } from '@shared/errors'
import { idMessages } from '@shared/messages/id'
import type { Database, RouterDbRow } from '../../db'
import type { NetworkDeps } from '../deps'
import { routerAppError } from '../router-errors'
import { loadRouter, routerApi } from '../routers'
import type { RouterApi } from '../routeros'

/** Monitoring reads answer a person looking at a screen: a short wait, then the reason. */
export const MONITOR_TIMEOUT_MS = 6000

/** Runs `work` on the router's pooled connection; a RouterOS failure becomes an AppError. */
export async function withRouter<T>(
  deps: NetworkDeps,
  companyId: number,
  routerId: number,
  work: (api: RouterApi, row: RouterDbRow) => Promise<T>,
): Promise<T> {
  const row = await loadRouter(deps.db, companyId, routerId)
  return onRouter(deps, row, work)
}

export async function onRouter<T>(
  deps: NetworkDeps,
  row: RouterDbRow,
  work: (api: RouterApi, row: RouterDbRow) => Promise<T>,
): Promise<T> {
  try {
    return await work(routerApi(deps, row), row)
  } catch (error) {
    throw routerAppError(error, row)
  }
}

/** What a list entry shows for a router that did not answer: the code (translated by the UI)
 * and the Indonesian sentence (for logs, the CLI and anything that does not translate). */
export interface MonitorError {
  code: ErrorCode
  details: Record<string, unknown>
  message: string
}

export function monitorError(error: unknown, row: { host: string; port: number }): MonitorError {
  const appError = error instanceof AppError ? error : routerAppError(error, row)
  const details = appError.details ?? {}
  const message = idMessages.errors[appError.code].replace(/\{\{(\w+)\}\}/g, (_m, key: string) =>
    details[key] === undefined ? '' : String(details[key]),
  )
  return { code: appError.code, details, message }
}

/** The company's routers that are switched on, by name. */
export function activeRouters(db: Kysely<Database>, companyId: number) {
  return db
    .selectFrom('routers')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('active', '=', 1)
    .orderBy('name')
    .execute()
}
