import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import type { GatewaySettingsValues } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Database } from '../db'
import type { CoreDeps } from '../deps'
import { SecretDestinationError } from '../secrets'
import { GATEWAY_NAMES, type GatewayConfig, type GatewayName } from './adapter'
import { GATEWAYS } from './registry'

type Db = Kysely<Database>

/** A gateway's settings as the screen and the CLI see them: never a key, only which are saved. */
export interface GatewaySettingsView {
  gateway: GatewayName
  /** false: nothing saved yet (the form shows the defaults). */
  saved: boolean
  enabled: boolean
  mode: 'sandbox' | 'production'
  /** What the operator set (null: the mode's URL). */
  baseUrl: string | null
  /** The URL calls go to. */
  effectiveBaseUrl: string
  /** Names of the keys that are saved ("tersimpan"). */
  keysSaved: string[]
  keyNames: { name: string; optional: boolean }[]
  feePolicy: 'customer' | 'company'
  expiryHours: number
  pollMinutes: number
  channels: string[] | null
  /** false: Loket cannot speak this gateway yet (no adapter in this build). */
  available: boolean
  updatedAt: string | null
}

export const GATEWAY_DEFAULTS = {
  mode: 'sandbox' as const,
  feePolicy: 'customer' as const,
  expiryHours: 24,
  pollMinutes: 5,
}

type Row = Database['gateway_settings'] extends infer T
  ? { [K in keyof T]: T[K] extends import('kysely').Generated<infer U> ? U : T[K] }
  : never

const effectiveUrl = (gateway: GatewayName, mode: string, baseUrl: string | null) =>
  baseUrl ?? GATEWAYS[gateway].baseUrls[mode === 'production' ? 'production' : 'sandbox']

/** Where a gateway's saved keys may go: its API's base URL (sealFor binds them to it). */
export const gatewayDestination = (gateway: GatewayName, baseUrl: string) =>
  `gateway:${gateway}:${baseUrl}`

function openKeys(deps: Pick<CoreDeps, 'secrets'>, row: Row): Record<string, string> {
  const gateway = row.gateway as GatewayName
  const url = effectiveUrl(gateway, row.mode, row.base_url)
  try {
    return JSON.parse(
      deps.secrets.openFor(row.keys_sealed, gatewayDestination(gateway, url)),
    ) as Record<string, string>
  } catch (error) {
    if (error instanceof SecretDestinationError)
      throw new AppError('SECRET_DESTINATION_CHANGED', 'gateway keys saved for another URL', {
        host: url,
        port: null,
      })
    throw error
  }
}

function view(deps: Pick<CoreDeps, 'secrets'>, gateway: GatewayName, row: Row | undefined) {
  const info = GATEWAYS[gateway]
  let keysSaved: string[] = []
  if (row) {
    try {
      keysSaved = Object.entries(openKeys(deps, row))
        .filter(([, v]) => v !== '')
        .map(([k]) => k)
    } catch {
      keysSaved = []
    }
  }
  const mode = (row?.mode ?? GATEWAY_DEFAULTS.mode) as 'sandbox' | 'production'
  return {
    gateway,
    saved: Boolean(row),
    enabled: row?.enabled === 1,
    mode,
    baseUrl: row?.base_url ?? null,
    effectiveBaseUrl: effectiveUrl(gateway, mode, row?.base_url ?? null),
    keysSaved,
    keyNames: info.keys.map((k) => ({ name: k.name, optional: k.optional ?? false })),
    feePolicy: (row?.fee_policy ?? GATEWAY_DEFAULTS.feePolicy) as 'customer' | 'company',
    expiryHours: row?.expiry_hours ?? GATEWAY_DEFAULTS.expiryHours,
    pollMinutes: row?.poll_minutes ?? GATEWAY_DEFAULTS.pollMinutes,
    channels: row?.channels ? (JSON.parse(row.channels) as string[]) : null,
    available: info.adapter !== null,
    updatedAt: row?.updated_at ?? null,
  } satisfies GatewaySettingsView
}

const rowsOf = (db: Db, companyId: number) =>
  db.selectFrom('gateway_settings').selectAll().where('company_id', '=', companyId).execute()

/** Every gateway's settings for the company (saved or the defaults), never a key. */
export async function listGatewaySettings(
  deps: CoreDeps,
  companyId: number,
): Promise<GatewaySettingsView[]> {
  const rows = await rowsOf(deps.db, companyId)
  return GATEWAY_NAMES.map((g) =>
    view(
      deps,
      g,
      rows.find((r) => r.gateway === g),
    ),
  )
}

/**
 * Saves one gateway's settings. Keys left empty keep the saved ones, unless the base URL
 * changed: keys sealed for one URL never go to another, so they must be typed again. Enabling
 * one gateway switches the others off: one gateway takes the company's online payments at a
 * time (the portal offers its channels).
 */
export async function saveGatewaySettings(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  input: GatewaySettingsValues,
): Promise<GatewaySettingsView> {
  const gateway = input.gateway
  const info = GATEWAYS[gateway]
  const url = effectiveUrl(gateway, input.mode, input.baseUrl)
  return writeTx(deps.db, async (tx) => {
    const row = await tx
      .selectFrom('gateway_settings')
      .selectAll()
      .where('company_id', '=', actor.companyId)
      .where('gateway', '=', gateway)
      .executeTakeFirst()
    let saved: Record<string, string> = {}
    if (row && effectiveUrl(gateway, row.mode, row.base_url) === url) {
      try {
        saved = openKeys(deps, row)
      } catch {
        saved = {}
      }
    }
    const keys: Record<string, string> = {}
    const issues: { path: string[]; message: string }[] = []
    for (const k of info.keys) {
      const value = (input.keys[k.name] ?? '').trim() || saved[k.name] || ''
      if (!value && !k.optional)
        issues.push({ path: ['keys', k.name], message: 'validation.gateway_key_required' })
      keys[k.name] = value
    }
    if (issues.length > 0) throw new AppError('VALIDATION', 'gateway keys missing', { issues })
    const at = deps.clock.now().toISOString()
    const values = {
      enabled: input.enabled ? 1 : 0,
      mode: input.mode,
      base_url: input.baseUrl,
      keys_sealed: deps.secrets.sealFor(JSON.stringify(keys), gatewayDestination(gateway, url)),
      fee_policy: input.feePolicy,
      expiry_hours: input.expiryHours,
      poll_minutes: input.pollMinutes,
      channels: input.channels ? JSON.stringify(input.channels) : null,
      updated_at: at,
    }
    if (row) {
      await tx.updateTable('gateway_settings').set(values).where('id', '=', row.id).execute()
    } else {
      await tx
        .insertInto('gateway_settings')
        .values({ company_id: actor.companyId, gateway, ...values })
        .execute()
    }
    if (input.enabled) {
      await tx
        .updateTable('gateway_settings')
        .set({ enabled: 0, updated_at: at })
        .where('company_id', '=', actor.companyId)
        .where('gateway', '!=', gateway)
        .where('enabled', '=', 1)
        .execute()
    }
    const before = row ? view(deps, gateway, row) : null
    const after = view(deps, gateway, {
      ...(row ?? { id: 0, company_id: actor.companyId, gateway }),
      ...values,
    } as Row)
    await appendAudit(tx, deps.clock, actor, {
      action: 'gateways.settings',
      entityType: 'gateway',
      entityId: gateway,
      before: before && auditable(before),
      // Which keys changed is told, never their values.
      after: {
        ...auditable(after),
        keys_changed: info.keys.map((k) => k.name).filter((k) => keys[k] !== saved[k]),
      },
    })
    return after
  })
}

const auditable = (v: GatewaySettingsView) => ({
  enabled: v.enabled,
  mode: v.mode,
  base_url: v.effectiveBaseUrl,
  fee_policy: v.feePolicy,
  expiry_hours: v.expiryHours,
  poll_minutes: v.pollMinutes,
  channels: v.channels,
})

/** A gateway's saved settings with its keys opened, for one call. */
export interface OpenGateway {
  gateway: GatewayName
  config: GatewayConfig
  settings: GatewaySettingsView
}

function opened(deps: Pick<CoreDeps, 'secrets'>, row: Row): OpenGateway {
  const gateway = row.gateway as GatewayName
  const settings = view(deps, gateway, row)
  return {
    gateway,
    settings,
    config: { mode: settings.mode, baseUrl: settings.effectiveBaseUrl, keys: openKeys(deps, row) },
  }
}

/** One gateway's saved settings, opened (enabled or not); null when never saved. */
export async function openGateway(
  deps: CoreDeps,
  companyId: number,
  gateway: GatewayName,
  db: Db = deps.db,
): Promise<OpenGateway | null> {
  const row = await db
    .selectFrom('gateway_settings')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('gateway', '=', gateway)
    .executeTakeFirst()
  return row ? opened(deps, row) : null
}

/** The company's enabled gateway, opened; null when none is enabled. */
export async function enabledGateway(
  deps: CoreDeps,
  companyId: number,
): Promise<OpenGateway | null> {
  const row = await deps.db
    .selectFrom('gateway_settings')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('enabled', '=', 1)
    .orderBy('id')
    .executeTakeFirst()
  return row ? opened(deps, row) : null
}

/** Every company's saved settings of one gateway (a callback names no company). */
export async function gatewayAccounts(deps: CoreDeps, gateway: GatewayName) {
  const rows = await deps.db
    .selectFrom('gateway_settings')
    .selectAll()
    .where('gateway', '=', gateway)
    .orderBy('id')
    .execute()
  return rows.map((row) => ({ companyId: row.company_id, row, open: () => opened(deps, row) }))
}
