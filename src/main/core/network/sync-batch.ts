import {
  addLogin,
  applyDesiredState,
  HOTSPOT_FIELDS,
  isNoSuchItem,
  loginMenu,
  needsKick,
  SECRET_FIELDS,
  secretChanges,
  type ApplyResult,
  type LoginState,
} from './apply-state'
import type { DesiredState } from './desired-state'
import { ensurePppProfiles, ensureQueues } from './package-speed'
import { chunked, rowsByKey } from './router-reads'
import type { RouterApi } from './routeros'

export interface SyncItem {
  /** The job's id: outcomes come back keyed by it. */
  id: number
  state: DesiredState
}

export type SyncOutcome = { ok: true; result: ApplyResult } | { ok: false; error: unknown }

/**
 * How many rows one `set` or `remove` names. RouterOS takes a comma-separated list in `.id`
 * (`=.id=*1A,*1B`) and resolves all of it before it changes anything; a long batch is split so
 * that no single command grows without bound.
 */
export const IDS_PER_COMMAND = 500

type Out = Map<number, SyncOutcome>
type LoginItem = { id: number; state: LoginState }

/**
 * Brings many services on one router in line with as few commands as RouterOS allows: the rows
 * concerned are read once, every difference is computed here, services that need the same change
 * (5,000 isolations: `profile=ISOLIR`) get one `set` naming all their rows, and the sessions to
 * kick go out as one `remove` per list. Only what differs is written. A row that disappeared
 * between the read and the write makes its list fall back to the one-service path; a session
 * that ended before its kick counts as kicked.
 */
export async function syncServices(api: RouterApi, items: SyncItem[]): Promise<Out> {
  const out: Out = new Map()
  const logins: Record<LoginState['kind'], LoginItem[]> = { pppoe: [], hotspot: [] }
  const lists = new Map<string, SyncItem[]>()
  const again: SyncItem[] = []
  const seen = new Set<string>()
  for (const item of items) {
    const d = item.state
    if (d.kind === 'none') {
      out.set(item.id, { ok: true, result: { action: 'skipped' } })
      continue
    }
    // The same login twice in one batch (should not happen): the second goes alone, afterwards.
    const name = d.kind === 'address-list' ? `${d.list}\u0000${d.address}` : `${d.kind}:${d.name}`
    if (seen.has(name)) {
      again.push(item)
      continue
    }
    seen.add(name)
    if (d.kind === 'address-list') {
      const list = lists.get(d.list)
      if (list) list.push(item)
      else lists.set(d.list, [item])
    } else logins[d.kind].push({ id: item.id, state: d })
  }
  // Package profiles and queues first (a secret names its profile), each read once per batch.
  const profiles = logins.pppoe.flatMap((i) => (i.state.profileSpec ? [i.state.profileSpec] : []))
  const queuesOf = (rows: SyncItem[]) =>
    rows.flatMap((i) => (i.state.kind === 'address-list' && i.state.queue ? [i.state.queue] : []))
  await Promise.all([
    guard(logins.pppoe, out, async () => {
      await ensurePppProfiles(api, profiles)
      await syncLogins(api, 'pppoe', logins.pppoe, out)
    }),
    guard(logins.hotspot, out, () => syncLogins(api, 'hotspot', logins.hotspot, out)),
    ...[...lists].map(([list, rows]) =>
      guard(rows, out, async () => {
        await ensureQueues(api, queuesOf(rows))
        await syncList(api, list, rows, out)
      }),
    ),
  ])
  for (const item of again) out.set(item.id, await one(api, item.state))
  return out
}

/** A failure no single row caused (the router went away): every job of the group carries it. */
async function guard(items: { id: number }[], out: Out, work: () => Promise<void>) {
  if (items.length === 0) return
  try {
    await work()
  } catch (error) {
    for (const item of items) if (!out.has(item.id)) out.set(item.id, { ok: false, error })
  }
}

async function one(api: RouterApi, state: DesiredState): Promise<SyncOutcome> {
  try {
    return { ok: true, result: await applyDesiredState(api, state) }
  } catch (error) {
    return { ok: false, error }
  }
}

async function syncLogins(
  api: RouterApi,
  kind: LoginState['kind'],
  items: LoginItem[],
  out: Out,
): Promise<void> {
  const menu = loginMenu(kind)
  const fields = kind === 'pppoe' ? SECRET_FIELDS : HOTSPOT_FIELDS
  const rows = await rowsByKey(
    api,
    menu,
    'name',
    items.map((i) => i.state.name),
    fields,
  )
  const adds: LoginItem[] = []
  const groups = new Map<
    string,
    { changes: Record<string, string | boolean>; rows: [LoginItem, string][] }
  >()
  for (const item of items) {
    const row = rows.get(item.state.name)?.[0]
    if (!row) {
      if (item.state.provision) adds.push(item)
      else out.set(item.id, { ok: true, result: { action: 'absent' } })
      continue
    }
    const changes = secretChanges(row, item.state)
    const keys = Object.keys(changes).sort()
    if (keys.length === 0) {
      out.set(item.id, { ok: true, result: { action: 'unchanged', kicked: 0 } })
      continue
    }
    const signature = JSON.stringify(keys.map((k) => [k, changes[k]]))
    const group = groups.get(signature) ?? { changes, rows: [] }
    group.rows.push([item, row['.id']!])
    groups.set(signature, group)
  }
  const updated: LoginItem[] = []
  await Promise.all([
    ...adds.map(async (item) => {
      try {
        await addLogin(api, item.state)
        out.set(item.id, { ok: true, result: { action: 'created', kicked: 0 } })
      } catch (error) {
        out.set(item.id, { ok: false, error })
      }
    }),
    ...[...groups.values()].flatMap(({ changes, rows: members }) =>
      chunked(members, IDS_PER_COMMAND).map(async (chunk) => {
        try {
          await api.run(`${menu}/set`, { '.id': chunk.map(([, id]) => id).join(','), ...changes })
        } catch (error) {
          // One of the rows is gone (deleted on the router meanwhile): each service on its own.
          if (isNoSuchItem(error))
            for (const [item] of chunk) out.set(item.id, await one(api, item.state))
          else for (const [item] of chunk) out.set(item.id, { ok: false, error })
          return
        }
        const changed = Object.keys(changes)
        for (const [item] of chunk) {
          out.set(item.id, { ok: true, result: { action: 'updated', changed, kicked: 0 } })
          if (needsKick(changed)) updated.push(item)
        }
      }),
    ),
  ])
  await kickLogins(api, kind, updated, out)
}

/** Kicks the sessions of logins whose profile, password or switch changed, in a few commands. */
async function kickLogins(
  api: RouterApi,
  kind: LoginState['kind'],
  items: LoginItem[],
  out: Out,
): Promise<void> {
  if (items.length === 0) return
  const menu = kind === 'pppoe' ? '/ppp/active' : '/ip/hotspot/active'
  const key = kind === 'pppoe' ? 'name' : 'user'
  const owner = new Map<string, LoginItem>()
  let kicked: string[]
  try {
    const names = items.map((i) => i.state.name)
    const sessions = await rowsByKey(api, menu, key, names, ['.id', key])
    for (const item of items)
      for (const s of sessions.get(item.state.name) ?? []) owner.set(s['.id']!, item)
    kicked = await removeAll(api, menu, [...owner.keys()])
  } catch (error) {
    // The change is made but the old session may still run with the old profile: say so.
    for (const item of items) out.set(item.id, { ok: false, error })
    return
  }
  for (const id of kicked) {
    const result = out.get(owner.get(id)!.id)
    if (result?.ok) result.result.kicked = (result.result.kicked ?? 0) + 1
  }
}

async function syncList(api: RouterApi, list: string, items: SyncItem[], out: Out) {
  const menu = '/ip/firewall/address-list'
  const entries = await rowsByKey(
    api,
    menu,
    'address',
    items.map((i) => (i.state as { address: string }).address),
    ['.id', 'address'],
    { list },
  )
  const removals: { item: SyncItem; ids: string[] }[] = []
  await Promise.all(
    items.map(async (item) => {
      const d = item.state as Extract<DesiredState, { kind: 'address-list' }>
      const present = entries.get(d.address) ?? []
      if (d.listed && present.length === 0) {
        try {
          await api.run(`${menu}/add`, { list: d.list, address: d.address, comment: d.comment })
          out.set(item.id, { ok: true, result: { action: 'created' } })
        } catch (error) {
          out.set(item.id, { ok: false, error })
        }
      } else if (!d.listed && present.length > 0) {
        removals.push({ item, ids: present.map((r) => r['.id']!) })
      } else out.set(item.id, { ok: true, result: { action: 'unchanged' } })
    }),
  )
  await removeAll(
    api,
    menu,
    removals.flatMap((r) => r.ids),
  )
  for (const { item } of removals)
    out.set(item.id, { ok: true, result: { action: 'updated', changed: ['removed'] } })
}

/**
 * Removes rows by id, a list per command; returns the ids it removed. When one of a list had
 * already gone (a session ended by itself), RouterOS refuses the whole list: the rest are then
 * removed one by one, and a row already gone is simply not there to remove.
 */
async function removeAll(api: RouterApi, menu: string, ids: string[]): Promise<string[]> {
  const gone: string[] = []
  await Promise.all(
    chunked(ids, IDS_PER_COMMAND).map(async (list) => {
      try {
        await api.run(`${menu}/remove`, { '.id': list.join(',') })
        gone.push(...list)
        return
      } catch (error) {
        if (!isNoSuchItem(error)) throw error
      }
      await Promise.all(
        list.map(async (id) => {
          try {
            await api.run(`${menu}/remove`, { '.id': id })
            gone.push(id)
          } catch (error) {
            if (!isNoSuchItem(error)) throw error
          }
        }),
      )
    }),
  )
  return gone
}
