import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import type { OltInput, OltTestInput, OltUpdateInput } from '@shared/schemas'
import { snmpDestination } from '@shared/secret-destination'
import { appendAudit, type Actor } from '../audit'
import type { CoreDeps } from '../deps'
import { assertNameFree, companyRow, writeTx, type Database, type OltDbRow } from '../db'
import { SecretDestinationError } from '../secrets'
import { vendorProfile } from './profiles'
import { probeOlt, type OltProbe, type SnmpOptions, type SnmpTarget } from './snmp'

/** What OLT code needs: the core, and how patient to be with an agent (tests shorten it). */
export interface OltDeps extends CoreDeps {
  snmp?: SnmpOptions
}

export type CompanyActor = Actor & { companyId: number }

/** What lists and forms show; the community and keys never leave the host. */
export function oltView(r: OltDbRow) {
  return {
    id: r.id,
    name: r.name,
    vendor: r.vendor,
    vendorLabel: vendorProfile(r.vendor).label,
    host: r.host,
    port: r.port,
    version: r.snmp_version as 'v2c' | 'v3',
    v3User: r.v3_user ?? '',
    v3AuthProtocol: (r.v3_auth_protocol ?? 'sha') as 'md5' | 'sha',
    v3PrivProtocol: (r.v3_priv_protocol ?? 'aes') as 'none' | 'des' | 'aes',
    notes: r.notes,
    active: r.active === 1,
    sysDescr: r.sys_descr,
    lastSeenAt: r.last_seen_at,
    lastPolledAt: r.last_polled_at,
    lastError: r.last_error,
  }
}
export type OltView = ReturnType<typeof oltView>

/** The sealed part: the community (v2c) or the v3 keys, as one JSON value. */
interface OltSecret {
  community?: string
  authKey?: string
  privKey?: string
}

const destinationOf = (r: { host: string; port: number }) => snmpDestination(r)

export const loadOlt = (db: Kysely<Database>, companyId: number, id: number) =>
  companyRow(db, 'olts', companyId, { id }, 'olt')

export const findOltByName = (db: Kysely<Database>, companyId: number, name: string) =>
  companyRow(db, 'olts', companyId, { name }, 'olt')

function openSecret(deps: Pick<CoreDeps, 'secrets'>, row: OltDbRow): OltSecret {
  try {
    return JSON.parse(deps.secrets.openFor(row.secret_sealed, destinationOf(row))) as OltSecret
  } catch (error) {
    if (error instanceof SecretDestinationError)
      throw new AppError('SECRET_DESTINATION_CHANGED', 'SNMP secret saved for another address', {
        host: row.host,
        port: row.port,
      })
    throw error
  }
}

function targetFrom(
  where: { host: string; port: number },
  settings: Pick<OltInput, 'version' | 'v3User' | 'v3AuthProtocol' | 'v3PrivProtocol'>,
  secret: OltSecret,
): SnmpTarget {
  if (settings.version === 'v2c')
    return { host: where.host, port: where.port, version: 'v2c', community: secret.community ?? '' }
  return {
    host: where.host,
    port: where.port,
    version: 'v3',
    user: settings.v3User,
    authProtocol: settings.v3AuthProtocol,
    authKey: secret.authKey ?? '',
    privProtocol: settings.v3PrivProtocol,
    privKey: secret.privKey ?? '',
  }
}

const settingsOf = (r: OltDbRow) => ({
  version: r.snmp_version as 'v2c' | 'v3',
  v3User: r.v3_user ?? '',
  v3AuthProtocol: (r.v3_auth_protocol ?? 'sha') as 'md5' | 'sha',
  v3PrivProtocol: (r.v3_priv_protocol ?? 'aes') as 'none' | 'des' | 'aes',
})

/** A saved OLT's agent, its secret opened for the row's own address only. */
export function oltTarget(deps: Pick<CoreDeps, 'secrets'>, row: OltDbRow): SnmpTarget {
  return targetFrom(row, settingsOf(row), openSecret(deps, row))
}

/** The form's secret, or null when it left the secret empty (an edit keeps the saved one). */
function typedSecret(input: OltInput): OltSecret | null {
  if (input.version === 'v2c') return input.community ? { community: input.community } : null
  if (!input.v3AuthKey) return null
  return { authKey: input.v3AuthKey, privKey: input.v3PrivKey }
}

function secretRequired(input: OltInput): AppError {
  const path = input.version === 'v2c' ? 'community' : 'v3AuthKey'
  return new AppError('OLT_SECRET_REQUIRED', 'SNMP secret required', {
    issues: [{ path: [path], message: 'validation.required' }],
  })
}

function assertV3User(input: OltInput) {
  if (input.version === 'v3' && !input.v3User)
    throw new AppError('VALIDATION', 'v3 user required', {
      issues: [{ path: ['v3User'], message: 'validation.required' }],
    })
}

function retypeSecret(input: OltInput): AppError {
  return new AppError('VALIDATION', 'OLT address changed: enter the community again', {
    issues: [
      {
        path: [input.version === 'v2c' ? 'community' : 'v3AuthKey'],
        message: 'validation.password_destination_changed',
      },
    ],
  })
}

const columnsOf = (input: OltInput) => ({
  name: input.name,
  vendor: input.vendor,
  host: input.host,
  port: input.port,
  snmp_version: input.version,
  v3_user: input.version === 'v3' ? input.v3User : null,
  v3_auth_protocol: input.version === 'v3' ? input.v3AuthProtocol : null,
  v3_priv_protocol: input.version === 'v3' ? input.v3PrivProtocol : null,
  notes: input.notes,
  active: input.active ? 1 : 0,
})

/** What the audit log keeps of an OLT: its settings, never its community or keys. */
const auditable = (r: OltDbRow) => ({
  name: r.name,
  vendor: r.vendor,
  host: r.host,
  port: r.port,
  snmp_version: r.snmp_version,
  v3_user: r.v3_user,
  active: r.active,
})

export async function createOlt(deps: OltDeps, actor: CompanyActor, input: OltInput) {
  assertV3User(input)
  const secret = typedSecret(input)
  if (!secret) throw secretRequired(input)
  return writeTx(deps.db, async (tx) => {
    await assertNameFree(tx, 'olts', actor.companyId, input.name, null, 'olt')
    const now = deps.clock.now().toISOString()
    const row = await tx
      .insertInto('olts')
      .values({
        company_id: actor.companyId,
        ...columnsOf(input),
        secret_sealed: deps.secrets.sealFor(JSON.stringify(secret), destinationOf(input)),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await appendAudit(tx, deps.clock, actor, {
      action: 'olts.create',
      entityType: 'olt',
      entityId: row.id,
      after: auditable(row),
    })
    return oltView(row)
  })
}

export async function updateOlt(deps: OltDeps, actor: CompanyActor, input: OltUpdateInput) {
  assertV3User(input)
  const secret = typedSecret(input)
  return writeTx(deps.db, async (tx) => {
    const before = await loadOlt(tx, actor.companyId, input.id)
    // The saved secret goes to the address it was saved for, never to a new one.
    if (!secret && destinationOf(input) !== destinationOf(before)) throw retypeSecret(input)
    if (!secret && input.version !== before.snmp_version) throw secretRequired(input)
    await assertNameFree(tx, 'olts', actor.companyId, input.name, before.id, 'olt')
    const row = await tx
      .updateTable('olts')
      .set({
        ...columnsOf(input),
        ...(secret
          ? { secret_sealed: deps.secrets.sealFor(JSON.stringify(secret), destinationOf(input)) }
          : {}),
        updated_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await appendAudit(tx, deps.clock, actor, {
      action: 'olts.update',
      entityType: 'olt',
      entityId: row.id,
      before: auditable(before),
      after: { ...auditable(row), secret_changed: secret !== null },
    })
    return oltView(row)
  })
}

/** Removes an OLT with its ONUs and their history (the services they were linked to stay). */
export async function removeOlt(deps: OltDeps, actor: CompanyActor, id: number) {
  await writeTx(deps.db, async (tx) => {
    const row = await loadOlt(tx, actor.companyId, id)
    const onuIds = tx.selectFrom('olt_onus').select('id').where('olt_id', '=', row.id)
    await tx.deleteFrom('olt_rx_daily').where('onu_id', 'in', onuIds).execute()
    await tx.deleteFrom('olt_onus').where('olt_id', '=', row.id).execute()
    await tx.deleteFrom('olts').where('id', '=', row.id).execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'olts.remove',
      entityType: 'olt',
      entityId: row.id,
      before: auditable(row),
    })
  })
}

export async function listOlts(db: Kysely<Database>, companyId: number) {
  const rows = await db
    .selectFrom('olts')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('name')
    .execute()
  const counts = await db
    .selectFrom('olt_onus')
    .select(['olt_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('company_id', '=', companyId)
    .where('present', '=', 1)
    .groupBy(['olt_id', 'status'])
    .execute()
  return rows.map((r) => {
    const mine = counts.filter((c) => c.olt_id === r.id)
    const total = mine.reduce((sum, c) => sum + Number(c.n), 0)
    const online = Number(mine.find((c) => c.status === 'online')?.n ?? 0)
    return { ...oltView(r), onus: total, online, down: total - online }
  })
}

/** Remembers what an OLT said when it was last reached, or why it could not be. */
export async function rememberOlt(
  deps: Pick<CoreDeps, 'db' | 'clock'>,
  id: number,
  seen: { sysDescr?: string | null; polled?: boolean } | null,
  error: string | null,
) {
  const now = deps.clock.now().toISOString()
  const set = seen
    ? {
        last_seen_at: now,
        last_error: null,
        ...(seen.sysDescr !== undefined ? { sys_descr: seen.sysDescr } : {}),
        ...(seen.polled ? { last_polled_at: now } : {}),
      }
    : { last_error: error }
  await writeTx(deps.db, (tx) => tx.updateTable('olts').set(set).where('id', '=', id).execute())
}

/**
 * "Tes koneksi": sysDescr, sysName and uptime, or the reason in words an operator can act on.
 * A wrong community is no answer at all, so it reads as OLT_TIMEOUT.
 */
export async function testOlt(
  deps: OltDeps,
  companyId: number,
  input: OltTestInput,
): Promise<OltProbe> {
  let target: SnmpTarget
  let savedId: number | null = null
  if ('host' in input) {
    assertV3User(input)
    let secret = typedSecret(input)
    if (!secret && input.id) {
      const saved = await loadOlt(deps.db, companyId, input.id)
      if (destinationOf(input) !== destinationOf(saved)) throw retypeSecret(input)
      secret = openSecret(deps, saved)
    }
    if (!secret) throw secretRequired(input)
    target = targetFrom(input, input, secret)
  } else {
    const saved = await loadOlt(deps.db, companyId, input.id)
    target = oltTarget(deps, saved)
    savedId = saved.id
  }
  try {
    const probe = await probeOlt(target, deps.snmp)
    if (savedId !== null) await rememberOlt(deps, savedId, { sysDescr: probe.sysDescr }, null)
    return probe
  } catch (error) {
    if (savedId !== null && error instanceof AppError)
      await rememberOlt(deps, savedId, null, error.code)
    throw error
  }
}
