import type { RouterApi, RouterRow } from './routeros'

/** From this many keys on, one print of the whole menu costs less than a print per key. */
export const WHOLE_MENU_FROM = 50

/**
 * The rows of a menu whose `key` is one of `keys`, grouped by key: one print of the whole menu
 * (narrowed by `where`) for many keys, or a `?key=value` print per key for a few — those go out
 * together and are pipelined on the router's one connection.
 */
export async function rowsByKey(
  api: RouterApi,
  menu: string,
  key: string,
  keys: string[],
  proplist: string[],
  where: Record<string, string> = {},
): Promise<Map<string, RouterRow[]>> {
  const wanted = new Set(keys)
  const found = new Map<string, RouterRow[]>()
  const keep = (rows: RouterRow[]) => {
    for (const row of rows) {
      const k = row[key]
      if (k === undefined || !wanted.has(k)) continue
      const list = found.get(k)
      if (list) list.push(row)
      else found.set(k, [row])
    }
  }
  if (wanted.size >= WHOLE_MENU_FROM) {
    keep(await api.run(`${menu}/print`, {}, { where, proplist }))
  } else {
    const answers = await Promise.all(
      [...wanted].map((k) =>
        api.run(`${menu}/print`, {}, { where: { ...where, [key]: k }, proplist }),
      ),
    )
    for (const rows of answers) keep(rows)
  }
  return found
}

/** Splits a list into runs of at most `size` (the rows one `=.id=*1,*2,…` command names). */
export function chunked<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
