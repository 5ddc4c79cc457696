import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import type { Database } from '../db'

/** Statuses whose service a router must know of (isolir and restore reach it there). */
export const WORKING = new Set(['aktif', 'isolir'])

/** One area whose rows name no router, and the router chosen (or proposed) for it. */
export interface AreaRouter {
  areaCode: string
  areaName: string
  /** Rows of this area without a router of their own, and how many of them are working. */
  services: number
  working: number
  routerId: number | null
}

/** Where the imported services go; shown in the preview when the company has several routers. */
export interface ImportRouters {
  /** The company's active routers. */
  routers: { id: number; name: string }[]
  areas: AreaRouter[]
  /** Working services that would have no router: the commit is refused while this is not 0. */
  missing: number
}

/**
 * The rules of where an imported service goes:
 * - the file's `router` column, by name (an unknown name is the row's error);
 * - else, with one router, that router (as one-by-one creation does);
 * - else, with several, the router chosen for the row's area (`routerForArea`, area code → id),
 *   proposed from the router whose area it is when exactly one router has that area.
 */
export async function routerResolver(
  tx: Kysely<Database>,
  companyId: number,
  routerForArea: Record<string, number> = {},
) {
  const routers = await tx
    .selectFrom('routers')
    .select(['id', 'name', 'area_id'])
    .where('company_id', '=', companyId)
    .where('active', '=', 1)
    .orderBy('name')
    .execute()
  const byName = new Map(routers.map((r) => [r.name.trim().toLowerCase(), r.id]))
  for (const id of Object.values(routerForArea)) {
    if (!routers.some((r) => r.id === id)) throw new AppError('NOT_FOUND', 'router', { id })
  }
  const areas = await tx
    .selectFrom('areas')
    .select(['id', 'code', 'name'])
    .where('company_id', '=', companyId)
    .execute()
  const areaIds = new Map(areas.map((a) => [a.code, a.id]))
  const proposed = (areaCode: string) => {
    const areaId = areaIds.get(areaCode)
    const serving = routers.filter((r) => areaId !== undefined && r.area_id === areaId)
    return serving.length === 1 ? serving[0]!.id : null
  }
  const chosen = new Map<string, AreaRouter>()
  const names = new Map(areas.map((a) => [a.code, a.name]))

  return {
    /** The router of a named row: its id, or undefined when no active router has that name. */
    named: (name: string) => byName.get(name.trim().toLowerCase()),
    /** The router of a row that names none (null: none yet), counted for the preview. */
    forArea: (areaCode: string, status: string, newAreaName?: string): number | null => {
      if (routers.length === 0) return null
      if (routers.length === 1) return routers[0]!.id
      let area = chosen.get(areaCode)
      if (!area) {
        area = {
          areaCode,
          areaName: names.get(areaCode) ?? newAreaName ?? areaCode,
          services: 0,
          working: 0,
          routerId: routerForArea[areaCode] ?? proposed(areaCode),
        }
        chosen.set(areaCode, area)
      }
      area.services++
      if (WORKING.has(status)) area.working++
      return area.routerId
    },
    summary: (): ImportRouters => {
      const list = [...chosen.values()].sort((a, b) => a.areaCode.localeCompare(b.areaCode))
      return {
        routers: routers.map((r) => ({ id: r.id, name: r.name })),
        areas: list,
        missing: list.reduce((n, a) => n + (a.routerId === null ? a.working : 0), 0),
      }
    },
  }
}
