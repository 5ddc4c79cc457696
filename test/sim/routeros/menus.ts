/** Menu definitions (fields, defaults, rules) and the command handlers that run on them. */
import type { SimRow } from './index.js'
import { QueryError, compileQuery } from './queries.js'
import type { RouterState, Table } from './state.js'

export interface TableMenuDef {
  path: string
  /** Verbs this menu answers besides print/getall. */
  verbs: readonly string[]
  /** Printed fields in RouterOS order (after '.id'). */
  fields: readonly string[]
  /** Fields `add`/`set` accept. */
  writable: readonly string[]
  booleans: readonly string[]
  /** Values filled in by `add` when not given. */
  defaults: Readonly<Record<string, string>>
  required: readonly string[]
  /** The key looked up through an index (and accepted as an '.id' value). */
  nameKey?: string
  /** Trap message for a duplicate name on add/set (the name must be unique). */
  duplicate?: string
  /** Fields that must name a row of another menu: field → menu path. */
  references?: Readonly<Record<string, string>>
  /** Rows removed from this menu are recorded in `kicked` (by nameKey). */
  kicks?: boolean
  normalize?: (row: SimRow) => void
  seed?: readonly SimRow[]
}

export class Trap extends Error {
  constructor(
    message: string,
    readonly category?: number,
  ) {
    super(message)
  }
}

const CRUD = ['add', 'set', 'remove', 'enable', 'disable', 'unset', 'comment']

const RATE_UNITS: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, G: 1e9 }

/** '10M' → '10000000'; '512k' → '512000'; plain numbers unchanged. */
export function rateToBps(rate: string): string {
  const m = /^(\d+(?:\.\d+)?)([kKMG]?)$/.exec(rate.trim())
  if (!m) return rate
  return String(Math.round(Number(m[1]) * (m[2] ? RATE_UNITS[m[2]]! : 1)))
}

/** Queue limits are printed in bits per second: 'upload/download'. */
const normalizePair = (v: string | undefined): string | undefined =>
  v === undefined ? undefined : v.split('/').map(rateToBps).join('/')

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/

const mac = (n: number): string =>
  `48:8F:5A:${(0x10 + n).toString(16).toUpperCase()}:7C:${(0x20 + n).toString(16).toUpperCase()}`

const interfaceSeed = (): SimRow[] => {
  const rows: SimRow[] = []
  for (let i = 1; i <= 5; i++) {
    rows.push({
      '.id': `*${i}`,
      name: `ether${i}`,
      'default-name': `ether${i}`,
      type: 'ether',
      mtu: '1500',
      'actual-mtu': '1500',
      l2mtu: '1598',
      'max-l2mtu': '9796',
      'mac-address': mac(i),
      'last-link-up-time': '2025-06-01 08:00:00',
      'link-downs': '0',
      'rx-byte': '0',
      'tx-byte': '0',
      'rx-packet': '0',
      'tx-packet': '0',
      running: i <= 3 ? 'true' : 'false',
      dynamic: 'false',
      disabled: 'false',
    })
  }
  rows.push({
    '.id': '*A',
    name: 'bridge-lan',
    type: 'bridge',
    mtu: 'auto',
    'actual-mtu': '1500',
    l2mtu: '1596',
    'mac-address': mac(2),
    'last-link-up-time': '2025-06-01 08:00:00',
    'link-downs': '0',
    running: 'true',
    disabled: 'false',
  })
  return rows
}

export const MENUS: readonly TableMenuDef[] = [
  {
    path: '/ppp/secret',
    verbs: CRUD,
    fields: [
      'name',
      'service',
      'caller-id',
      'password',
      'profile',
      'local-address',
      'remote-address',
      'routes',
      'ipv6-routes',
      'limit-bytes-in',
      'limit-bytes-out',
      'last-logged-out',
      'last-caller-id',
      'last-disconnect-reason',
      'disabled',
      'comment',
    ],
    writable: [
      'name',
      'service',
      'caller-id',
      'password',
      'profile',
      'local-address',
      'remote-address',
      'routes',
      'ipv6-routes',
      'limit-bytes-in',
      'limit-bytes-out',
      'remote-ipv6-prefix',
      'disabled',
      'comment',
    ],
    booleans: ['disabled'],
    defaults: {
      service: 'any',
      password: '',
      profile: 'default',
      'limit-bytes-in': '0',
      'limit-bytes-out': '0',
      'last-logged-out': '1970-01-01 00:00:00',
      disabled: 'false',
    },
    required: ['name'],
    nameKey: 'name',
    duplicate: 'failure: secret with the same name already exists',
    references: { profile: '/ppp/profile' },
  },
  {
    path: '/ppp/profile',
    verbs: CRUD,
    fields: [
      'name',
      'local-address',
      'remote-address',
      'bridge',
      'rate-limit',
      'dns-server',
      'wins-server',
      'parent-queue',
      'queue-type',
      'address-list',
      'idle-timeout',
      'session-timeout',
      'only-one',
      'change-tcp-mss',
      'use-upnp',
      'use-mpls',
      'use-compression',
      'use-encryption',
      'on-up',
      'on-down',
      'default',
      'comment',
    ],
    writable: [
      'name',
      'local-address',
      'remote-address',
      'bridge',
      'rate-limit',
      'dns-server',
      'wins-server',
      'parent-queue',
      'queue-type',
      'address-list',
      'idle-timeout',
      'session-timeout',
      'only-one',
      'change-tcp-mss',
      'use-upnp',
      'use-mpls',
      'use-compression',
      'use-encryption',
      'on-up',
      'on-down',
      'incoming-filter',
      'outgoing-filter',
      'insert-queue-before',
      'interface-list',
      'use-ipv6',
      'comment',
    ],
    booleans: [],
    defaults: {
      'only-one': 'default',
      'change-tcp-mss': 'default',
      'use-upnp': 'default',
      'use-mpls': 'default',
      'use-compression': 'default',
      'use-encryption': 'default',
      'on-up': '',
      'on-down': '',
      default: 'false',
    },
    required: ['name'],
    nameKey: 'name',
    duplicate: 'failure: profile with the same name already exists',
    seed: [
      {
        '.id': '*0',
        name: 'default',
        'use-ipv6': 'yes',
        'use-mpls': 'default',
        'use-compression': 'default',
        'use-encryption': 'default',
        'only-one': 'default',
        'change-tcp-mss': 'yes',
        'use-upnp': 'default',
        default: 'true',
      },
      {
        '.id': '*FFFFFFFE',
        name: 'default-encryption',
        'use-ipv6': 'yes',
        'use-mpls': 'default',
        'use-compression': 'default',
        'use-encryption': 'yes',
        'only-one': 'default',
        'change-tcp-mss': 'yes',
        'use-upnp': 'default',
        default: 'true',
      },
    ],
  },
  {
    path: '/ppp/active',
    verbs: ['remove'],
    fields: [],
    writable: [],
    booleans: [],
    defaults: {},
    required: [],
    nameKey: 'name',
    kicks: true,
  },
  {
    path: '/ip/hotspot/user',
    verbs: CRUD.concat(['reset-counters']),
    fields: [
      'server',
      'name',
      'password',
      'address',
      'mac-address',
      'profile',
      'routes',
      'email',
      'limit-uptime',
      'limit-bytes-in',
      'limit-bytes-out',
      'limit-bytes-total',
      'uptime',
      'bytes-in',
      'bytes-out',
      'packets-in',
      'packets-out',
      'dynamic',
      'disabled',
      'comment',
    ],
    writable: [
      'server',
      'name',
      'password',
      'address',
      'mac-address',
      'profile',
      'routes',
      'email',
      'limit-uptime',
      'limit-bytes-in',
      'limit-bytes-out',
      'limit-bytes-total',
      'disabled',
      'comment',
    ],
    booleans: ['disabled'],
    defaults: {
      profile: 'default',
      uptime: '0s',
      'bytes-in': '0',
      'bytes-out': '0',
      'packets-in': '0',
      'packets-out': '0',
      dynamic: 'false',
      disabled: 'false',
    },
    required: ['name'],
    nameKey: 'name',
    duplicate: 'failure: already have user with this name for this server',
    references: { profile: '/ip/hotspot/user/profile' },
  },
  {
    path: '/ip/hotspot/user/profile',
    verbs: CRUD,
    fields: [
      'name',
      'address-pool',
      'idle-timeout',
      'keepalive-timeout',
      'status-autorefresh',
      'shared-users',
      'rate-limit',
      'session-timeout',
      'mac-cookie-timeout',
      'address-list',
      'transparent-proxy',
      'open-status-page',
      'on-login',
      'on-logout',
      'parent-queue',
      'default',
      'comment',
    ],
    writable: [
      'name',
      'address-pool',
      'idle-timeout',
      'keepalive-timeout',
      'status-autorefresh',
      'shared-users',
      'rate-limit',
      'session-timeout',
      'mac-cookie-timeout',
      'add-mac-cookie',
      'address-list',
      'transparent-proxy',
      'open-status-page',
      'on-login',
      'on-logout',
      'parent-queue',
      'queue-type',
      'incoming-filter',
      'outgoing-filter',
      'advertise',
      'comment',
    ],
    booleans: ['transparent-proxy', 'add-mac-cookie', 'advertise'],
    defaults: {
      'address-pool': 'none',
      'idle-timeout': 'none',
      'keepalive-timeout': '2m',
      'status-autorefresh': '1m',
      'shared-users': '1',
      'mac-cookie-timeout': '3d',
      'transparent-proxy': 'false',
      'open-status-page': 'always',
      default: 'false',
    },
    required: ['name'],
    nameKey: 'name',
    duplicate: 'failure: profile with the same name already exists',
    seed: [
      {
        '.id': '*0',
        name: 'default',
        'address-pool': 'none',
        'idle-timeout': 'none',
        'keepalive-timeout': '2m',
        'status-autorefresh': '1m',
        'shared-users': '1',
        'mac-cookie-timeout': '3d',
        'transparent-proxy': 'false',
        'open-status-page': 'always',
        default: 'true',
      },
    ],
  },
  {
    path: '/ip/hotspot/active',
    verbs: ['remove'],
    fields: [],
    writable: [],
    booleans: [],
    defaults: {},
    required: [],
    nameKey: 'user',
    kicks: true,
  },
  {
    path: '/ip/firewall/address-list',
    verbs: CRUD,
    fields: ['list', 'address', 'creation-time', 'timeout', 'dynamic', 'disabled', 'comment'],
    writable: ['list', 'address', 'timeout', 'disabled', 'comment'],
    booleans: ['disabled'],
    defaults: { dynamic: 'false', disabled: 'false' },
    required: ['list', 'address'],
  },
  {
    path: '/queue/simple',
    verbs: CRUD.concat(['reset-counters', 'reset-counters-all']),
    fields: [
      'name',
      'target',
      'parent',
      'packet-marks',
      'priority',
      'queue',
      'limit-at',
      'max-limit',
      'burst-limit',
      'burst-threshold',
      'burst-time',
      'bucket-size',
      'bytes',
      'packets',
      'invalid',
      'dynamic',
      'disabled',
      'comment',
    ],
    writable: [
      'name',
      'target',
      'dst',
      'parent',
      'packet-marks',
      'priority',
      'queue',
      'limit-at',
      'max-limit',
      'burst-limit',
      'burst-threshold',
      'burst-time',
      'bucket-size',
      'time',
      'disabled',
      'comment',
    ],
    booleans: ['disabled'],
    defaults: {
      parent: 'none',
      priority: '8/8',
      queue: 'default-small/default-small',
      'limit-at': '0/0',
      'max-limit': '0/0',
      'burst-limit': '0/0',
      'burst-threshold': '0/0',
      'burst-time': '0s/0s',
      'bucket-size': '0.1/0.1',
      // Counters as RouterOS prints them: upload/download since the queue was added or reset.
      bytes: '0/0',
      packets: '0/0',
      invalid: 'false',
      dynamic: 'false',
      disabled: 'false',
    },
    required: ['name'],
    nameKey: 'name',
    duplicate: 'failure: queue with such name already exists',
    normalize: (row) => {
      if (row.target !== undefined) {
        row.target = row.target
          .split(',')
          .map((t) => (IPV4.test(t.trim()) ? `${t.trim()}/32` : t.trim()))
          .join(',')
      }
      for (const k of ['max-limit', 'limit-at', 'burst-limit', 'burst-threshold']) {
        const v = normalizePair(row[k])
        if (v !== undefined) row[k] = v
      }
    },
  },
  {
    path: '/interface',
    verbs: ['set', 'enable', 'disable', 'unset', 'comment', 'monitor-traffic'],
    fields: [],
    writable: ['name', 'mtu', 'l2mtu', 'disabled', 'comment'],
    booleans: ['disabled'],
    defaults: {},
    required: [],
    nameKey: 'name',
    duplicate: 'failure: interface with such name exists',
    seed: interfaceSeed(),
  },
]

const MENU_BY_PATH = new Map(MENUS.map((m) => [m.path, m]))
const SINGLE_MENUS: Readonly<Record<string, readonly string[]>> = {
  '/system/identity': ['print', 'getall', 'set'],
  '/system/resource': ['print', 'getall'],
}

/** Accepts yes/no/true/false; returns 'true'/'false' or undefined when invalid. */
export function parseBool(v: string): 'true' | 'false' | undefined {
  const s = v.toLowerCase()
  if (s === 'yes' || s === 'true') return 'true'
  if (s === 'no' || s === 'false') return 'false'
  return undefined
}

/** Builds a new row from given values + the menu's defaults, in RouterOS field order. */
export function buildRow(def: TableMenuDef, given: Record<string, string>): SimRow {
  const row: SimRow = {}
  for (const k of def.fields) {
    const v = given[k] ?? def.defaults[k]
    if (v !== undefined && v !== '') row[k] = v
  }
  for (const [k, v] of Object.entries(given)) {
    if (!(k in row) && k !== '.id' && v !== '') row[k] = v
  }
  for (const [k, v] of Object.entries(def.defaults)) if (!(k in row) && v !== '') row[k] = v
  for (const k of def.booleans) {
    const v = row[k]
    if (v !== undefined) row[k] = parseBool(v) ?? v
  }
  def.normalize?.(row)
  return row
}

export interface ExecContext {
  state: RouterState
  emptyReplies: boolean
  kicked: string[]
}

/** Reply sentences without the tag. */
export type Reply = string[][]

const DONE: Reply = [['!done']]

export function trapReply(message: string, category?: number): Reply {
  const trap = ['!trap']
  if (category !== undefined) trap.push(`=category=${category}`)
  trap.push(`=message=${message}`)
  return [trap, ['!done']]
}

/** Runs one command (after login). Never throws: errors become `!trap` replies. */
export function execute(
  ctx: ExecContext,
  command: string,
  attrs: Record<string, string>,
  queries: string[],
): Reply {
  try {
    return run(ctx, command, attrs, queries)
  } catch (err) {
    if (err instanceof Trap) return trapReply(err.message, err.category)
    if (err instanceof QueryError) return trapReply(err.message)
    return trapReply(`simulator error: ${(err as Error).message}`)
  }
}

function run(
  ctx: ExecContext,
  command: string,
  attrs: Record<string, string>,
  queries: string[],
): Reply {
  const slash = command.lastIndexOf('/')
  const menu = slash > 0 ? command.slice(0, slash) : ''
  const verb = command.slice(slash + 1)
  const def = MENU_BY_PATH.get(menu)
  if (!def) {
    const single = SINGLE_MENUS[menu]
    if (!single) throw new Trap('no such command prefix')
    if (!single.includes(verb)) throw new Trap('no such command')
    return runSingle(ctx, menu, verb, attrs)
  }
  const table = ctx.state.getTable(menu)
  switch (verb) {
    case 'print':
    case 'getall':
      return print(table, attrs, queries, ctx.emptyReplies)
    default:
      if (!def.verbs.includes(verb)) throw new Trap('no such command')
  }
  switch (verb) {
    case 'add':
      return [['!done', `=ret=${add(ctx, table, attrs)}`]]
    case 'set':
      set(ctx, table, attrs)
      return DONE
    case 'enable':
    case 'disable':
      set(ctx, table, { ...attrs, disabled: verb === 'disable' ? 'true' : 'false' })
      return DONE
    case 'comment':
      set(ctx, table, { '.id': attrs['.id'] ?? attrs.numbers ?? '', comment: attrs.comment ?? '' })
      return DONE
    case 'unset':
      unset(table, attrs)
      return DONE
    case 'remove':
      remove(ctx, table, attrs)
      return DONE
    case 'reset-counters':
    case 'reset-counters-all':
      resetCounters(
        table,
        verb === 'reset-counters-all' ? [...table.rows.values()] : targets(table, attrs),
      )
      return DONE
    case 'monitor-traffic':
      return monitorTraffic(table, attrs)
  }
  throw new Trap('no such command')
}

function runSingle(
  ctx: ExecContext,
  menu: string,
  verb: string,
  attrs: Record<string, string>,
): Reply {
  if (menu === '/system/identity') {
    if (verb === 'set') {
      for (const k of Object.keys(attrs)) if (k !== 'name') throw new Trap(`unknown parameter ${k}`)
      if (attrs.name !== undefined) ctx.state.identity = attrs.name
      return DONE
    }
    return [rowSentence({ name: ctx.state.identity }, proplist(attrs)), ['!done']]
  }
  return [rowSentence(ctx.state.resource(), proplist(attrs)), ['!done']]
}

function proplist(attrs: Record<string, string>): string[] | undefined {
  const p = attrs['.proplist']
  if (p === undefined) return undefined
  return p
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

function rowSentence(row: SimRow, props: string[] | undefined): string[] {
  const s = ['!re']
  if (props) {
    for (const k of props) {
      const v = row[k]
      if (v !== undefined) s.push(`=${k}=${v}`)
    }
  } else {
    for (const k in row) s.push(`=${k}=${row[k]}`)
  }
  return s
}

function print(
  table: Table,
  attrs: Record<string, string>,
  queries: string[],
  emptyReplies: boolean,
): Reply {
  const query = compileQuery(queries)
  const key = table.def.nameKey
  let candidates: Iterable<SimRow> = table.rows.values()
  for (const eq of query.equalities) {
    if (eq.key === '.id') {
      const row = table.rows.get(eq.value)
      candidates = row ? [row] : []
      break
    }
    if (key !== undefined && eq.key === key) {
      candidates = table.byKey(eq.value)
      break
    }
  }
  const props = proplist(attrs)
  const countOnly = 'count-only' in attrs
  const out: Reply = []
  let count = 0
  for (const row of candidates) {
    if (!query.matches(row)) continue
    count++
    if (!countOnly) out.push(rowSentence(row, props))
  }
  if (countOnly) return [['!done', `=ret=${count}`]]
  if (count === 0 && emptyReplies) out.push(['!empty'])
  out.push(['!done'])
  return out
}

/** Validates attributes for add/set: known, booleans well-formed, references exist. */
function validate(ctx: ExecContext, def: TableMenuDef, attrs: Record<string, string>): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (!def.writable.includes(k)) throw new Trap(`unknown parameter ${k}`)
    if (def.booleans.includes(k) && parseBool(v) === undefined) {
      throw new Trap(`value of ${k} must be either yes or no`)
    }
    const ref = def.references?.[k]
    if (ref !== undefined && v !== '') {
      if (ctx.state.getTable(ref).byKey(v).length === 0) {
        throw new Trap(`input does not match any value of ${k}`)
      }
    }
  }
}

function add(ctx: ExecContext, table: Table, attrs: Record<string, string>): string {
  const def = table.def
  validate(ctx, def, attrs)
  for (const k of def.required) {
    if (!attrs[k]) throw new Trap(`missing value(s) of argument(s) ${k}`)
  }
  if (def.duplicate && def.nameKey && table.byKey(attrs[def.nameKey]!).length > 0) {
    throw new Trap(def.duplicate)
  }
  const row = buildRow(def, attrs)
  if (def.path === '/ip/firewall/address-list') {
    for (const r of table.rows.values()) {
      if (r.list === row.list && r.address === row.address) {
        throw new Trap('failure: already have such entry')
      }
    }
    row['creation-time'] = new Date().toISOString().slice(0, 19).replace('T', ' ')
  }
  return table.insert(row)
}

/** Resolves the rows named by '.id' (or 'numbers'): a comma-separated list of ids or names. */
function targets(table: Table, attrs: Record<string, string>): SimRow[] {
  const ref = attrs['.id'] ?? attrs.numbers
  if (ref === undefined) throw new Trap('missing value(s) of argument(s) .id')
  const rows: SimRow[] = []
  for (const part of ref.split(',')) {
    const row = table.resolve(part.trim())
    if (!row) throw new Trap('no such item')
    rows.push(row)
  }
  return rows
}

function withoutRef(attrs: Record<string, string>): Record<string, string> {
  const { '.id': _id, numbers: _numbers, ...rest } = attrs
  return rest
}

function set(ctx: ExecContext, table: Table, attrs: Record<string, string>): void {
  const def = table.def
  const rows = targets(table, attrs)
  const patch = withoutRef(attrs)
  validate(ctx, def, patch)
  for (const k of def.required) {
    if (k in patch && patch[k] === '') throw new Trap(`value of ${k} can not be empty`)
  }
  const key = def.nameKey
  if (key !== undefined && def.duplicate && patch[key] !== undefined) {
    if (rows.length > 1) throw new Trap(def.duplicate)
    const clash = table.byKey(patch[key])
    if (clash.some((r) => r !== rows[0])) throw new Trap(def.duplicate)
  }
  for (const k of def.booleans) {
    if (patch[k] !== undefined) patch[k] = parseBool(patch[k])!
  }
  for (const row of rows) {
    table.update(row, patch)
    def.normalize?.(row)
  }
}

function unset(table: Table, attrs: Record<string, string>): void {
  const rows = targets(table, attrs)
  const name = attrs['value-name']
  if (name === undefined) throw new Trap('missing value(s) of argument(s) value-name')
  const names = name.split(',')
  for (const n of names) {
    if (!table.def.writable.includes(n)) throw new Trap(`unknown parameter ${n}`)
    if (table.def.required.includes(n)) throw new Trap(`failure: can not unset ${n}`)
  }
  for (const row of rows) table.update(row, Object.fromEntries(names.map((n) => [n, undefined])))
}

function remove(ctx: ExecContext, table: Table, attrs: Record<string, string>): void {
  const rows = targets(table, attrs)
  for (const row of rows) {
    if (row.default === 'true') throw new Trap('failure: cannot remove default profile')
  }
  for (const row of rows) {
    if (!table.rows.has(row['.id']!)) continue
    table.delete(row['.id']!)
    if (table.def.kicks) ctx.kicked.push(row[table.def.nameKey ?? 'name'] ?? '')
    if (table.def.path === '/ppp/active') ctx.state.endSession(row.name ?? '')
  }
}

/** A queue's byte and packet counters start again from 0 (a user's `bytes-in` likewise). */
function resetCounters(table: Table, rows: SimRow[]): void {
  for (const row of rows) {
    for (const k of ['bytes', 'packets']) if (row[k] !== undefined) row[k] = '0/0'
    for (const k of ['bytes-in', 'bytes-out', 'packets-in', 'packets-out'])
      if (row[k] !== undefined) row[k] = '0'
  }
}

/** Plausible, changing traffic figures (bits per second) per interface. */
function monitorTraffic(table: Table, attrs: Record<string, string>): Reply {
  const names = attrs.interface
  if (names === undefined) throw new Trap('missing value(s) of argument(s) interface')
  if (!('once' in attrs) || parseBool(attrs.once || 'yes') === 'false') {
    throw new Trap('only once is supported by this simulator')
  }
  const props = proplist(attrs)
  const out: Reply = []
  const t = Date.now() / 1000
  for (const name of names.split(',')) {
    const row = table.byKey(name.trim())[0]
    if (!row) throw new Trap('input does not match any value of interface')
    const idx = parseInt(row['.id']!.slice(1), 16)
    const up = row.running === 'true' && row.disabled !== 'true'
    const wave = (scale: number, phase: number): number =>
      up
        ? Math.round(
            scale * (1 + 0.45 * Math.sin(t / 3 + phase) + 0.15 * Math.sin(t * 1.7 + phase * 3)) +
              Math.random() * scale * 0.05,
          )
        : 0
    const rx = wave(idx === 1 ? 180e6 : 40e6 / idx, idx)
    const tx = wave(idx === 1 ? 22e6 : 90e6 / idx, idx + 1)
    out.push(
      rowSentence(
        {
          name: row.name!,
          'rx-packets-per-second': String(Math.round(rx / 8 / 900)),
          'rx-bits-per-second': String(rx),
          'fp-rx-packets-per-second': '0',
          'fp-rx-bits-per-second': '0',
          'rx-drops-per-second': '0',
          'rx-errors-per-second': '0',
          'tx-packets-per-second': String(Math.round(tx / 8 / 900)),
          'tx-bits-per-second': String(tx),
          'fp-tx-packets-per-second': '0',
          'fp-tx-bits-per-second': '0',
          'tx-drops-per-second': '0',
          'tx-queue-drops-per-second': '0',
          'tx-errors-per-second': '0',
        },
        props,
      ),
    )
  }
  out.push(['!done'])
  return out
}
