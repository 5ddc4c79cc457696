import type { DesiredState } from './desired-state'
import { ensurePppProfiles, ensureQueues } from './package-speed'
import { parseRouterBool, RouterError, type RouterApi, type RouterRow } from './routeros'

export interface ApplyResult {
  action: 'created' | 'updated' | 'unchanged' | 'absent' | 'skipped'
  changed?: string[]
  kicked?: number
}

export const SECRET_FIELDS = [
  '.id',
  'name',
  'password',
  'profile',
  'disabled',
  'comment',
  'remote-address',
]
export const HOTSPOT_FIELDS = ['.id', 'name', 'password', 'profile', 'disabled', 'comment']

/** Makes the router match a service's desired state; applying it twice changes nothing. */
export async function applyDesiredState(api: RouterApi, d: DesiredState): Promise<ApplyResult> {
  if (d.kind === 'none') return { action: 'skipped' }
  if (d.kind === 'address-list') {
    if (d.queue) await ensureQueues(api, [d.queue])
    return applyAddressList(api, d)
  }
  // The secret names the profile: it must exist, with the package's speed, before the secret.
  if (d.kind === 'pppoe' && d.profileSpec) await ensurePppProfiles(api, [d.profileSpec])
  const menu = loginMenu(d.kind)
  const [row] = await api.run(
    `${menu}/print`,
    {},
    {
      where: { name: d.name },
      proplist: d.kind === 'pppoe' ? SECRET_FIELDS : HOTSPOT_FIELDS,
    },
  )
  if (!row) {
    if (!d.provision) return { action: 'absent' }
    await addLogin(api, d)
    return { action: 'created', kicked: 0 }
  }
  const changes = secretChanges(row, d)
  const changed = Object.keys(changes)
  if (changed.length === 0) return { action: 'unchanged', kicked: 0 }
  await api.run(`${menu}/set`, { '.id': row['.id'], ...changes })
  const kicked = needsKick(changed) ? await kickSessions(api, d.kind, d.name) : 0
  return { action: 'updated', changed, kicked }
}

export type LoginState = Extract<DesiredState, { kind: 'pppoe' | 'hotspot' }>

export const loginMenu = (kind: LoginState['kind']) =>
  kind === 'pppoe' ? '/ppp/secret' : '/ip/hotspot/user'

/** Creates the secret (or hotspot user) a service needs, as it should be. */
export async function addLogin(api: RouterApi, d: LoginState): Promise<void> {
  await api.run(`${loginMenu(d.kind)}/add`, {
    name: d.name,
    password: d.password,
    ...(d.kind === 'pppoe' ? { service: 'pppoe', 'remote-address': d.remoteAddress } : {}),
    profile: d.profile,
    comment: d.comment,
    disabled: d.disabled,
  })
}

/** A session keeps its old profile until it reconnects: kick it so isolir/restore takes effect. */
export function needsKick(changed: string[]): boolean {
  return changed.some((k) => k === 'profile' || k === 'disabled' || k === 'password')
}

/** A session that ended between the print and the remove: gone is what the kick wanted. */
export function isNoSuchItem(error: unknown): boolean {
  return (
    error instanceof RouterError &&
    error.kind === 'trap' &&
    /no such item/i.test(error.routerMessage ?? '')
  )
}

/** The fields of a secret or hotspot user that differ from the desired state, with their new values. */
export function secretChanges(row: RouterRow, d: LoginState): Record<string, string | boolean> {
  const changes: Record<string, string | boolean> = {}
  if (d.password && row.password !== undefined && row.password !== d.password)
    changes.password = d.password
  if ((row.profile ?? 'default') !== d.profile) changes.profile = d.profile
  if (parseRouterBool(row.disabled) !== d.disabled) changes.disabled = d.disabled
  if ((row.comment ?? '') !== d.comment) changes.comment = d.comment
  if (d.kind === 'pppoe' && d.remoteAddress && (row['remote-address'] ?? '') !== d.remoteAddress)
    changes['remote-address'] = d.remoteAddress
  return changes
}

/** Removes the active sessions of a login; returns how many were kicked. */
export async function kickSessions(
  api: RouterApi,
  kind: 'pppoe' | 'hotspot',
  name: string,
): Promise<number> {
  const menu = kind === 'pppoe' ? '/ppp/active' : '/ip/hotspot/active'
  const where: Record<string, string> = kind === 'pppoe' ? { name } : { user: name }
  const sessions = await api.run(`${menu}/print`, {}, { where, proplist: ['.id'] })
  let kicked = 0
  for (const s of sessions) {
    try {
      await api.run(`${menu}/remove`, { '.id': s['.id'] })
      kicked++
    } catch (error) {
      if (!isNoSuchItem(error)) throw error
    }
  }
  return kicked
}

async function applyAddressList(
  api: RouterApi,
  d: Extract<DesiredState, { kind: 'address-list' }>,
): Promise<ApplyResult> {
  const rows = await api.run(
    '/ip/firewall/address-list/print',
    {},
    {
      where: { list: d.list, address: d.address },
      proplist: ['.id'],
    },
  )
  if (d.listed && rows.length === 0) {
    await api.run('/ip/firewall/address-list/add', {
      list: d.list,
      address: d.address,
      comment: d.comment,
    })
    return { action: 'created' }
  }
  if (!d.listed && rows.length > 0) {
    for (const r of rows) await api.run('/ip/firewall/address-list/remove', { '.id': r['.id'] })
    return { action: 'updated', changed: ['removed'] }
  }
  return { action: 'unchanged' }
}

/** A secret that left Loket's care (service moved to another router): disabled, never deleted. */
export async function disableSecret(api: RouterApi, name: string): Promise<ApplyResult> {
  const [row] = await api.run(
    '/ppp/secret/print',
    {},
    { where: { name }, proplist: ['.id', 'disabled'] },
  )
  if (!row) return { action: 'absent' }
  if (parseRouterBool(row.disabled)) return { action: 'unchanged' }
  await api.run('/ppp/secret/set', { '.id': row['.id'], disabled: true })
  const kicked = await kickSessions(api, 'pppoe', name)
  return { action: 'updated', changed: ['disabled'], kicked }
}
