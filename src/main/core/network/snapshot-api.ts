import type { RouterApi, RouterAttrs, RouterRow, RunOptions } from './routeros'

/** Menus whose rows a big batch reads once instead of once per job, keyed by this field. */
const SNAPSHOT_MENUS: Record<string, { key: string; proplist: string[] }> = {
  '/ppp/secret': {
    key: 'name',
    proplist: ['.id', 'name', 'password', 'profile', 'disabled', 'comment', 'remote-address'],
  },
  '/ppp/active': { key: 'name', proplist: ['.id', 'name'] },
}

/**
 * For a batch of many jobs on one router: the secrets and active sessions are read with one
 * print each, and every job's "print ?name=X" is answered from that read. Writes still go to the
 * router. Safe within one batch because each login has at most one open job (the queue's unique
 * index), so no job reads a row another job of the batch changed.
 */
export async function snapshotApi(api: RouterApi): Promise<RouterApi> {
  const tables = new Map<string, Map<string, RouterRow[]>>()
  for (const [menu, { key, proplist }] of Object.entries(SNAPSHOT_MENUS)) {
    const index = new Map<string, RouterRow[]>()
    for (const row of await api.run(`${menu}/print`, {}, { proplist })) {
      const k = row[key] ?? ''
      const rows = index.get(k)
      if (rows) rows.push(row)
      else index.set(k, [row])
    }
    tables.set(menu, index)
  }
  return {
    run(command: string, attrs?: RouterAttrs, options?: RunOptions) {
      const menu = command.endsWith('/print') ? command.slice(0, -'/print'.length) : null
      const spec = menu ? SNAPSHOT_MENUS[menu] : undefined
      const where = options?.where
      if (
        menu &&
        spec &&
        where &&
        Object.keys(where).length === 1 &&
        where[spec.key] !== undefined
      ) {
        const rows = tables.get(menu)!.get(where[spec.key]!) ?? []
        const fields = options?.proplist
        return Promise.resolve(
          rows.map((r) =>
            fields
              ? Object.fromEntries(fields.filter((f) => f in r).map((f) => [f, r[f]!]))
              : { ...r },
          ),
        )
      }
      return api.run(command, attrs, options)
    },
  }
}

/** Below this many jobs for one router, reading every secret would cost more than it saves. */
export const SNAPSHOT_THRESHOLD = 50
