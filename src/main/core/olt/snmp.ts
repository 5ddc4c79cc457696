// net-snmp has no types; the web project reaches this file through the API types and must see them too.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./net-snmp.d.ts" />
import * as snmp from 'net-snmp'
import { AppError } from '@shared/errors'
import type { VendorProfile } from './profiles'
import type { WalkedTable } from './decode'

/** Where and how to reach an OLT's SNMP agent, with its secret opened for that address. */
export type SnmpTarget = {
  host: string
  port: number
} & (
  | { version: 'v2c'; community: string }
  | {
      version: 'v3'
      user: string
      authProtocol: 'md5' | 'sha'
      authKey: string
      privProtocol: 'none' | 'des' | 'aes'
      privKey: string
    }
)

export interface SnmpOptions {
  /** Per request; a wrong community is no answer at all, so this is also how long "wrong" takes. */
  timeoutMs?: number
  retries?: number
  /** GetBulk max-repetitions of a walk. */
  maxRepetitions?: number
}

const DEFAULTS = { timeoutMs: 3000, retries: 1, maxRepetitions: 60 }

function openSession(target: SnmpTarget, options: SnmpOptions) {
  const opts = {
    port: target.port,
    timeout: options.timeoutMs ?? DEFAULTS.timeoutMs,
    retries: options.retries ?? DEFAULTS.retries,
    transport: target.host.includes(':') ? ('udp6' as const) : ('udp4' as const),
  }
  if (target.version === 'v2c')
    return snmp.createSession(target.host, target.community, { ...opts, version: snmp.Version2c })
  const priv = target.privProtocol !== 'none'
  return snmp.createV3Session(
    target.host,
    {
      name: target.user,
      level: priv ? snmp.SecurityLevel.authPriv : snmp.SecurityLevel.authNoPriv,
      authProtocol: snmp.AuthProtocols[target.authProtocol],
      authKey: target.authKey,
      ...(priv
        ? { privProtocol: snmp.PrivProtocols[target.privProtocol], privKey: target.privKey }
        : {}),
    },
    { ...opts, version: snmp.Version3 },
  )
}

/** An SNMP failure in the words an operator can act on (the address goes with it). */
export function snmpAppError(error: unknown, target: Pick<SnmpTarget, 'host' | 'port'>): AppError {
  if (error instanceof AppError) return error
  const where = { host: target.host, port: target.port }
  if (error instanceof snmp.RequestTimedOutError)
    return new AppError('OLT_TIMEOUT', 'OLT did not answer', where)
  const message = error instanceof Error ? error.message : String(error)
  return new AppError('OLT_SNMP_ERROR', message, { ...where, message })
}

/** One session for one piece of work, always closed; its errors become AppErrors. */
async function withSession<T>(
  target: SnmpTarget,
  options: SnmpOptions,
  fn: (session: snmp.Session) => Promise<T>,
): Promise<T> {
  let session: snmp.Session
  try {
    session = openSession(target, options)
  } catch (error) {
    throw snmpAppError(error, target)
  }
  // A socket error (an unresolvable name) is reported on the request too; this keeps it from
  // becoming an uncaught 'error' event of the session.
  session.on('error', () => {})
  try {
    return await fn(session)
  } catch (error) {
    throw snmpAppError(error, target)
  } finally {
    session.close()
  }
}

const SYS_DESCR = '1.3.6.1.2.1.1.1.0'
const SYS_UPTIME = '1.3.6.1.2.1.1.3.0'
const SYS_NAME = '1.3.6.1.2.1.1.5.0'

export interface OltProbe {
  sysDescr: string | null
  sysName: string | null
  /** Seconds since the agent started (sysUpTime is in hundredths). */
  uptimeSeconds: number | null
}

const scalarText = (v: snmp.Varbind | undefined) =>
  !v || snmp.isVarbindError(v)
    ? null
    : Buffer.isBuffer(v.value)
      ? v.value.toString('utf8')
      : String(v.value)

/** "Tes koneksi": sysDescr, sysName and uptime in one GET. */
export function probeOlt(target: SnmpTarget, options: SnmpOptions = {}): Promise<OltProbe> {
  return withSession(
    target,
    options,
    (session) =>
      new Promise<OltProbe>((resolve, reject) => {
        session.get([SYS_DESCR, SYS_NAME, SYS_UPTIME], (error, varbinds) => {
          if (error) return reject(error)
          const uptime =
            varbinds[2] && !snmp.isVarbindError(varbinds[2]) ? Number(varbinds[2].value) : null
          resolve({
            sysDescr: scalarText(varbinds[0]),
            sysName: scalarText(varbinds[1]),
            uptimeSeconds: uptime === null ? null : Math.floor(uptime / 100),
          })
        })
      }),
  )
}

/** One column of a table being walked: where its rows are, and how far the walk got. */
interface ColumnWalk {
  column: string
  prefix: string
  last: string
  done: boolean
}

/**
 * ONE bulk walk of a table, reading only the profile's columns of it: each GetBulk asks for the
 * next rows of every column not yet finished side by side (as snmptable does), about
 * `maxRepetitions` values per request in all. An OLT's ONU tables have many more columns than
 * Loket reads (passwords, LOIDs, line profiles…), and walking the whole table fetched them all.
 * A column is done when the agent answers past it. Rows are keyed by their index ("268501248.3").
 */
function walkColumns(
  session: snmp.Session,
  tableOid: string,
  columns: string[],
  maxRepetitions: number,
): Promise<WalkedTable> {
  const rows: WalkedTable = {}
  const walks: ColumnWalk[] = columns.map((column) => ({
    column,
    prefix: `${tableOid}.1.${column}.`,
    last: `${tableOid}.1.${column}`,
    done: false,
  }))
  return new Promise((resolve, reject) => {
    const next = (): void => {
      const open = walks.filter((w) => !w.done)
      if (!open.length) return resolve(rows)
      const reps = Math.max(1, Math.ceil(maxRepetitions / open.length))
      session.getBulk(
        open.map((w) => w.last),
        0,
        reps,
        (error, answers) => {
          if (error) return reject(error)
          let moved = false
          for (const [i, w] of open.entries()) {
            for (const v of answers[i] ?? []) {
              if (v.type === snmp.ObjectType.EndOfMibView || !v.oid.startsWith(w.prefix)) {
                w.done = true
                break
              }
              if (snmp.isVarbindError(v))
                return reject(new snmp.RequestFailedError(snmp.varbindError(v)))
              ;(rows[v.oid.slice(w.prefix.length)] ??= {})[w.column] = v.value
              w.last = v.oid
              moved = true
            }
          }
          // An agent that answers nothing new would be asked the same forever.
          if (!moved && walks.some((w) => !w.done))
            return reject(new snmp.ResponseInvalidError(`GetBulk on ${tableOid} did not advance`))
          next()
        },
      )
    }
    next()
  })
}

/**
 * The profile's tables, each read with ONE bulk walk of its columns (walkColumns), never a GET
 * per ONU. The walks run side by side on one session: at most one request per table is
 * outstanding, which any OLT agent takes, and the list costs the slowest walk instead of the
 * sum of them.
 */
export function walkProfile(
  target: SnmpTarget,
  profile: VendorProfile,
  options: SnmpOptions = {},
): Promise<WalkedTable[]> {
  const reps = options.maxRepetitions ?? DEFAULTS.maxRepetitions
  return withSession(target, options, (session) =>
    Promise.all(
      profile.tables.map((table) =>
        walkColumns(session, table.oid, Object.keys(table.columns), reps),
      ),
    ),
  )
}
