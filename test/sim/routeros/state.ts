/** The router's tables: rows keyed by '.id', with a name index for the menus that have a name. */
import type { SimRow, SimState } from './index.js'
import { MENUS, type TableMenuDef, buildRow } from './menus.js'

export const formatId = (n: number): string => `*${n.toString(16).toUpperCase()}`

export class Table {
  readonly rows = new Map<string, SimRow>()
  private nextId = 1
  private readonly index: Map<string, Set<SimRow>> | null
  /** Set when live rows were handed out to a test (which may rename them): rebuild the index. */
  private dirty = false

  constructor(readonly def: TableMenuDef) {
    this.index = def.nameKey ? new Map() : null
  }

  get size(): number {
    return this.rows.size
  }

  markExposed(): void {
    if (this.index) this.dirty = true
  }

  /** Inserts a fully built row (without '.id'); returns the new id. */
  insert(row: SimRow, id?: string): string {
    let newId = id
    if (newId === undefined) {
      do newId = formatId(this.nextId++)
      while (this.rows.has(newId))
    }
    const stored: SimRow = { '.id': newId, ...row }
    stored['.id'] = newId
    this.rows.set(newId, stored)
    this.indexAdd(stored)
    return newId
  }

  delete(id: string): SimRow | undefined {
    const row = this.rows.get(id)
    if (!row) return undefined
    this.rows.delete(id)
    this.indexRemove(row)
    return row
  }

  /** Applies a patch: undefined or '' removes a property. */
  update(row: SimRow, patch: Record<string, string | undefined>): void {
    const key = this.def.nameKey
    const renamed = key !== undefined && key in patch && patch[key] !== row[key]
    if (renamed) this.indexRemove(row)
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') delete row[k]
      else row[k] = v
    }
    if (renamed) this.indexAdd(row)
  }

  /** Rows whose name key equals `value` (through the index). */
  byKey(value: string): SimRow[] {
    const key = this.def.nameKey
    if (!this.index || !key)
      return [...this.rows.values()].filter((r) => r[key ?? 'name'] === value)
    if (this.dirty) this.rebuildIndex()
    const set = this.index.get(value)
    if (!set) return []
    const out: SimRow[] = []
    for (const r of set) if (r[key] === value) out.push(r)
    return out
  }

  /** Resolves an '.id' value: an id like '*1A', or (menus with a name) a name. */
  resolve(ref: string): SimRow | undefined {
    const byId = this.rows.get(ref)
    if (byId) return byId
    if (ref.startsWith('*')) {
      const n = parseInt(ref.slice(1), 16)
      if (Number.isFinite(n)) {
        const normal = this.rows.get(formatId(n))
        if (normal) return normal
      }
      return undefined
    }
    if (this.def.nameKey) return this.byKey(ref)[0]
    return undefined
  }

  private indexAdd(row: SimRow): void {
    const key = this.def.nameKey
    if (!this.index || !key) return
    const v = row[key]
    if (v === undefined) return
    let set = this.index.get(v)
    if (!set) this.index.set(v, (set = new Set()))
    set.add(row)
  }

  private indexRemove(row: SimRow): void {
    const key = this.def.nameKey
    if (!this.index || !key) return
    const v = row[key]
    if (v === undefined) return
    const set = this.index.get(v)
    if (!set) return
    set.delete(row)
    if (set.size === 0) this.index.delete(v)
  }

  private rebuildIndex(): void {
    this.dirty = false
    if (!this.index) return
    this.index.clear()
    for (const row of this.rows.values()) this.indexAdd(row)
  }
}

export interface OnlineSession {
  name: string
  address?: string
  callerId?: string
  uptime?: string
  service?: 'pppoe' | 'hotspot'
}

export interface RouterStateOptions {
  identity: string
  version: string
}

/** Static facts of the simulated board (a RB4011iGS+). */
export const BOARD = {
  'board-name': 'RB4011iGS+',
  'architecture-name': 'arm',
  cpu: 'ARMv7',
  'cpu-count': '4',
  'cpu-frequency': '1400',
  'total-memory': '1073741824',
  'total-hdd-space': '536870912',
  platform: 'MikroTik',
  'factory-software': '6.44.6',
}

/** Uptime the router already had when the simulator started (2d3h15m42s). */
const BOOT_OFFSET_S = 2 * 86400 + 3 * 3600 + 15 * 60 + 42

export function formatUptime(totalSeconds: number): string {
  let s = Math.max(0, Math.floor(totalSeconds))
  const w = Math.floor(s / 604800)
  s -= w * 604800
  const d = Math.floor(s / 86400)
  s -= d * 86400
  const h = Math.floor(s / 3600)
  s -= h * 3600
  const m = Math.floor(s / 60)
  s -= m * 60
  let out = ''
  if (w) out += `${w}w`
  if (d) out += `${d}d`
  if (h) out += `${h}h`
  if (m) out += `${m}m`
  if (s || out === '') out += `${s}s`
  return out
}

export class RouterState implements SimState {
  readonly tables = new Map<string, Table>()
  /** The /system/identity row (live). */
  readonly identityRow: SimRow
  readonly version: string
  private readonly startedAt = Date.now()
  private sessionSeq = 0

  constructor(options: RouterStateOptions) {
    this.identityRow = { name: options.identity }
    this.version = options.version
    for (const def of MENUS) {
      const table = new Table(def)
      this.tables.set(def.path, table)
      for (const seed of def.seed ?? []) {
        const { '.id': id, ...rest } = seed
        table.insert(rest, id)
      }
    }
  }

  get identity(): string {
    return this.identityRow.name ?? ''
  }

  set identity(name: string) {
    this.identityRow.name = name
  }

  uptimeSeconds(): number {
    return BOOT_OFFSET_S + (Date.now() - this.startedAt) / 1000
  }

  resource(): SimRow {
    const up = this.uptimeSeconds()
    // Plausible, slowly moving load and memory figures.
    const load = Math.round(8 + 6 * Math.sin(up / 7) + 3 * Math.sin(up / 1.3))
    const free = 1073741824 - 180_000_000 - Math.round(20_000_000 * (1 + Math.sin(up / 11)))
    return {
      uptime: formatUptime(up),
      version: this.version,
      'build-time': '2025-03-11 11:59:04',
      'factory-software': BOARD['factory-software'],
      'free-memory': String(free),
      'total-memory': BOARD['total-memory'],
      cpu: BOARD.cpu,
      'cpu-count': BOARD['cpu-count'],
      'cpu-frequency': BOARD['cpu-frequency'],
      'cpu-load': String(Math.max(0, Math.min(100, load))),
      'free-hdd-space': '440901632',
      'total-hdd-space': BOARD['total-hdd-space'],
      'write-sect-since-reboot': '4096',
      'write-sect-total': '1855232',
      'bad-blocks': '0',
      'architecture-name': BOARD['architecture-name'],
      'board-name': BOARD['board-name'],
      platform: BOARD.platform,
    }
  }

  getTable(path: string): Table {
    const t = this.tables.get(normalizePath(path))
    if (!t) throw new Error(`RouterOS simulator has no table ${path}`)
    return t
  }

  table(path: string): SimRow[] {
    const p = normalizePath(path)
    if (p === '/system/identity') return [this.identityRow]
    if (p === '/system/resource') return [this.resource()]
    const t = this.getTable(p)
    t.markExposed()
    return [...t.rows.values()]
  }

  add(path: string, row: Record<string, string>): string {
    const t = this.getTable(path)
    return t.insert(buildRow(t.def, row))
  }

  find(path: string, where: Record<string, string>): SimRow[] {
    const t = this.getTable(path)
    const entries = Object.entries(where)
    const key = t.def.nameKey
    const candidates =
      key !== undefined && where[key] !== undefined ? t.byKey(where[key]) : t.rows.values()
    const out: SimRow[] = []
    for (const r of candidates) if (entries.every(([k, v]) => r[k] === v)) out.push(r)
    t.markExposed()
    return out
  }

  /** Removes a row by id (or name); returns it. */
  remove(path: string, ref: string): SimRow | undefined {
    const t = this.getTable(path)
    const row = t.resolve(ref)
    if (row) t.delete(row['.id']!)
    return row
  }

  /** Patches a row found by id (or name); '' removes a property. Returns false when not found. */
  set(path: string, ref: string, patch: Record<string, string>): boolean {
    const t = this.getTable(path)
    const row = t.resolve(ref)
    if (!row) return false
    t.update(row, patch)
    return true
  }

  /**
   * Replaces /ppp/active with the pppoe sessions given and /ip/hotspot/active with the hotspot
   * ones. A table is replaced only when the call names a session for it, except that
   * `setOnline([])` empties both.
   */
  setOnline(sessions: OnlineSession[]): void {
    const ppp = sessions.filter((s) => (s.service ?? 'pppoe') === 'pppoe')
    const hs = sessions.filter((s) => s.service === 'hotspot')
    const clearAll = sessions.length === 0
    if (ppp.length > 0 || clearAll) this.fillActive('/ppp/active', ppp)
    if (hs.length > 0 || clearAll) this.fillActive('/ip/hotspot/active', hs)
  }

  private fillActive(path: '/ppp/active' | '/ip/hotspot/active', sessions: OnlineSession[]): void {
    const t = this.getTable(path)
    for (const [id, row] of [...t.rows]) {
      t.delete(id)
      if (path === '/ppp/active') this.endSession(row.name ?? '')
    }
    for (const s of sessions) this.addActive(path, s)
  }

  /**
   * A PPPoE session's dynamic interface (`<pppoe-budi>`, type pppoe-in): it appears when the
   * session comes up with its counters at 0, and goes away when the session ends (RouterOS gives
   * the next session a new interface and a new id).
   */
  private startSession(login: string): void {
    this.endSession(login)
    this.getTable('/interface').insert({
      name: pppoeInterfaceName(login),
      type: 'pppoe-in',
      mtu: '1480',
      'actual-mtu': '1480',
      'rx-byte': '0',
      'tx-byte': '0',
      'rx-packet': '0',
      'tx-packet': '0',
      running: 'true',
      dynamic: 'true',
      disabled: 'false',
    })
  }

  /** Removes the dynamic interface of a PPPoE session that ended. */
  endSession(login: string): void {
    const t = this.getTable('/interface')
    for (const row of t.byKey(pppoeInterfaceName(login))) t.delete(row['.id']!)
  }

  /**
   * Traffic through a PPPoE session: `rx` bytes the router received from the customer (their
   * upload) and `tx` bytes it sent them. False when the login has no session.
   */
  addSessionTraffic(login: string, rx: number, tx: number): boolean {
    const [row] = this.getTable('/interface').byKey(pppoeInterfaceName(login))
    if (!row) return false
    row['rx-byte'] = String(Number(row['rx-byte'] ?? 0) + rx)
    row['tx-byte'] = String(Number(row['tx-byte'] ?? 0) + tx)
    row['rx-packet'] = String(Number(row['rx-packet'] ?? 0) + Math.ceil(rx / 1400))
    row['tx-packet'] = String(Number(row['tx-packet'] ?? 0) + Math.ceil(tx / 1400))
    return true
  }

  /** Traffic through a simple queue (`bytes=upload/download`). False when there is no such queue. */
  addQueueTraffic(queue: string, upload: number, download: number): boolean {
    const [row] = this.getTable('/queue/simple').byKey(queue)
    if (!row) return false
    const [up, down] = (row.bytes ?? '0/0').split('/').map(Number)
    row.bytes = `${(up ?? 0) + upload}/${(down ?? 0) + download}`
    return true
  }

  /**
   * Traffic of a hotspot user: `bytesIn` received from the user (their upload) and `bytesOut`
   * sent to them, counted on its /ip/hotspot/user row (and its session in /ip/hotspot/active).
   * With `limit-bytes-total` set (> 0) the router passes no more than the limit, in and out
   * together, and logs the user out when it is reached. False when there is no such user.
   */
  addHotspotTraffic(user: string, bytesIn: number, bytesOut: number): boolean {
    const [row] = this.getTable('/ip/hotspot/user').byKey(user)
    if (!row) return false
    const used = Number(row['bytes-in'] ?? 0) + Number(row['bytes-out'] ?? 0)
    const limit = Number(row['limit-bytes-total'] ?? 0)
    let inn = bytesIn
    let out = bytesOut
    if (limit > 0) {
      const room = Math.max(0, limit - used)
      inn = Math.min(inn, room)
      out = Math.min(out, room - inn)
    }
    const sessions = this.getTable('/ip/hotspot/active')
    const online = sessions.byKey(user)
    for (const r of [row, ...online]) {
      r['bytes-in'] = String(Number(r['bytes-in'] ?? 0) + inn)
      r['bytes-out'] = String(Number(r['bytes-out'] ?? 0) + out)
    }
    if (limit > 0 && used + inn + out >= limit) {
      for (const s of online) sessions.delete(s['.id']!)
    }
    return true
  }

  /** Adds one online session (without clearing the others); returns its id. */
  addActive(path: '/ppp/active' | '/ip/hotspot/active', s: OnlineSession): string {
    const t = this.getTable(path)
    const n = ++this.sessionSeq
    const mac =
      s.callerId ?? `D4:CA:6D:${hex2((n >> 16) & 0xff)}:${hex2((n >> 8) & 0xff)}:${hex2(n & 0xff)}`
    const address =
      s.address ?? `10.${path === '/ppp/active' ? 10 : 5}.${(n >> 8) & 0xff}.${n & 0xff}`
    const uptime = s.uptime ?? formatUptime(300 + ((n * 7919) % 200000))
    if (path === '/ppp/active') {
      this.startSession(s.name)
      return t.insert({
        name: s.name,
        service: 'pppoe',
        'caller-id': mac,
        encoding: '',
        address,
        uptime,
        'session-id': `0x81${n.toString(16).toUpperCase().padStart(6, '0')}`,
        'limit-bytes-in': '0',
        'limit-bytes-out': '0',
        radius: 'false',
      })
    }
    return t.insert({
      server: 'hotspot1',
      user: s.name,
      domain: '',
      address,
      'mac-address': mac,
      'login-by': 'http-chap',
      uptime,
      'idle-time': '0s',
      'keepalive-timeout': '2m',
      'bytes-in': String(1000 * n),
      'bytes-out': String(9000 * n),
      'packets-in': String(10 * n),
      'packets-out': String(12 * n),
      radius: 'false',
    })
  }
}

export const pppoeInterfaceName = (login: string): string => `<pppoe-${login}>`

const hex2 = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0')

/** '/ppp/secret/' and 'ppp/secret' → '/ppp/secret'. */
export function normalizePath(path: string): string {
  let p = path.trim()
  if (!p.startsWith('/')) p = `/${p}`
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1)
  return p
}
