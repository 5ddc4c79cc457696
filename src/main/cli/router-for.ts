import { AppError } from '@shared/errors'
import type { Db } from '../core/db'
import { findRouterByName } from '../core/network'

/**
 * `--router-for CBG01=POP-Utara` (repeatable): which router serves the rows of an area that name
 * no router themselves, as the import screen's select per area. Area code → router id.
 */
export async function routerForArea(
  db: Db,
  companyId: number,
  list: string[],
): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const item of list) {
    const at = item.indexOf('=')
    const area = item.slice(0, at).trim().toUpperCase()
    const name = item.slice(at + 1).trim()
    if (at <= 0 || !name)
      throw new AppError('VALIDATION', `--router-for ${item}: write AREA=ROUTER`, {
        option: 'router-for',
      })
    out[area] = (await findRouterByName(db, companyId, name)).id
  }
  return out
}

/** The preview's lines about routers: the areas still without one, and how to choose. */
export function routerLines(routers: {
  routers: { id: number; name: string }[]
  areas: { areaCode: string; working: number; routerId: number | null }[]
  missing: number
}): string[] {
  if (routers.routers.length < 2 || routers.areas.length === 0) return []
  const name = (id: number | null) => routers.routers.find((r) => r.id === id)?.name ?? '—'
  return [
    '  router per area (baris tanpa kolom router):',
    ...routers.areas.map(
      (a) =>
        `    ${a.areaCode}: ${a.routerId === null ? `belum dipilih (${a.working} layanan aktif)` : name(a.routerId)}`,
    ),
    ...(routers.missing > 0
      ? [
          `  pilih dengan --router-for AREA=ROUTER (router: ${routers.routers.map((r) => r.name).join(', ')})`,
        ]
      : []),
  ]
}
