import { AppError } from '@shared/errors'
import { rateLimitText, rateText, SPEED_SERVICE_TYPES, type PackageSpeed } from '@shared/speeds'
import type { ProductsTable } from '../db'
import type { Selectable } from 'kysely'
import { fupOpen, fupProfile, fupQueueSpeed } from './fup-speed'
import type { DeviceJobHandler } from './job-handlers'
import { chunked, rowsByKey } from './router-reads'
import { parseFullRateLimit, RouterError, type RouterApi, type RouterRow } from './routeros'

/** The speed columns of a package (products row, or the same columns joined under a service). */
export type SpeedColumns = Pick<
  Selectable<ProductsTable>,
  | 'service_type'
  | 'download_kbps'
  | 'upload_kbps'
  | 'burst_download_kbps'
  | 'burst_upload_kbps'
  | 'burst_threshold_download_kbps'
  | 'burst_threshold_upload_kbps'
  | 'burst_time_s'
  | 'speed_on_router'
>

/** The speed Loket keeps on the router for a package, or null when the router keeps its own. */
export function packageSpeed(p: SpeedColumns): PackageSpeed | null {
  if (p.speed_on_router !== 1 || !SPEED_SERVICE_TYPES.includes(p.service_type)) return null
  if (!p.download_kbps || !p.upload_kbps) return null
  const b = [
    p.burst_download_kbps,
    p.burst_upload_kbps,
    p.burst_threshold_download_kbps,
    p.burst_threshold_upload_kbps,
    p.burst_time_s,
  ]
  return {
    downloadKbps: p.download_kbps,
    uploadKbps: p.upload_kbps,
    burst: b.every((v) => v !== null && v > 0)
      ? {
          downloadKbps: b[0]!,
          uploadKbps: b[1]!,
          thresholdDownloadKbps: b[2]!,
          thresholdUploadKbps: b[3]!,
          seconds: b[4]!,
        }
      : null,
  }
}

/** A PPP profile Loket keeps: its name and rate-limit. */
export interface ProfileSpec {
  name: string
  rateLimit: string
}

/** A static service's simple queue (fields as RouterOS names them; pairs are upload/download). */
export interface QueueSpec {
  name: string
  target: string
  'max-limit': string
  'burst-limit': string
  'burst-threshold': string
  'burst-time': string
  comment: string
}

export function queueSpec(
  speed: PackageSpeed,
  service: { sid: string; address: string; comment: string },
): QueueSpec {
  const pair = (up: number, down: number) => `${rateText(up)}/${rateText(down)}`
  const b = speed.burst
  return {
    name: queueName(service.sid),
    target: `${service.address}/32`,
    'max-limit': pair(speed.uploadKbps, speed.downloadKbps),
    'burst-limit': b ? pair(b.uploadKbps, b.downloadKbps) : '0/0',
    'burst-threshold': b ? pair(b.thresholdUploadKbps, b.thresholdDownloadKbps) : '0/0',
    'burst-time': b ? `${b.seconds}s/${b.seconds}s` : '0s/0s',
    comment: service.comment,
  }
}

/** Loket's queue for a service is named after its SID, so it is found again by name. */
export const queueName = (sid: string) => `loket-${sid}`

/** A queue's limits written as one rate-limit, so profiles and queues compare the same way. */
export function queueRateLimit(q: Partial<Record<keyof QueueSpec, string>>): string {
  return [q['max-limit'], q['burst-limit'], q['burst-threshold'], q['burst-time']]
    .map((v) => v || '0/0')
    .join(' ')
}

/** Equal speeds however each side spells them ('10M/10M' = '10000000/10000000'). */
export function sameRateLimit(router: string | undefined, wanted: string): boolean {
  const a = parseFullRateLimit(router)
  const b = parseFullRateLimit(wanted)
  if (!a || !b) return false
  return (Object.keys(b) as (keyof typeof b)[]).every((k) => a[k] === b[k])
}

export type EnsureAction = 'created' | 'updated' | 'unchanged'

/**
 * Makes each PPP profile exist with its rate-limit: found by name, added or set; never removed
 * (secrets may still name it). Two jobs adding the same profile at once: the loser reads again.
 */
export async function ensurePppProfiles(
  api: RouterApi,
  specs: ProfileSpec[],
): Promise<Map<string, EnsureAction>> {
  const wanted = new Map(specs.map((s) => [s.name, s]))
  const out = new Map<string, EnsureAction>()
  if (wanted.size === 0) return out
  const rows = await rowsByKey(
    api,
    '/ppp/profile',
    'name',
    [...wanted.keys()],
    ['.id', 'name', 'rate-limit'],
  )
  await Promise.all(
    [...wanted.values()].map(async (spec) => {
      out.set(spec.name, await ensureOne(api, spec, rows.get(spec.name)?.[0]))
    }),
  )
  return out
}

async function ensureOne(
  api: RouterApi,
  spec: ProfileSpec,
  row: RouterRow | undefined,
  retry = true,
): Promise<EnsureAction> {
  if (!row) {
    try {
      await api.run('/ppp/profile/add', { name: spec.name, 'rate-limit': spec.rateLimit })
      return 'created'
    } catch (error) {
      if (!(retry && error instanceof RouterError && error.kind === 'trap')) throw error
      const [again] = await api.run(
        '/ppp/profile/print',
        {},
        { where: { name: spec.name }, proplist: ['.id', 'name', 'rate-limit'] },
      )
      if (!again) throw error
      return ensureOne(api, spec, again, false)
    }
  }
  if (sameRateLimit(row['rate-limit'], spec.rateLimit)) return 'unchanged'
  await api.run('/ppp/profile/set', { '.id': row['.id'], 'rate-limit': spec.rateLimit })
  return 'updated'
}

/** Makes each static service's simple queue exist with the package's limits (one print). */
export async function ensureQueues(
  api: RouterApi,
  specs: QueueSpec[],
): Promise<Map<string, EnsureAction>> {
  const out = new Map<string, EnsureAction>()
  if (specs.length === 0) return out
  const rows = await rowsByKey(
    api,
    '/queue/simple',
    'name',
    specs.map((s) => s.name),
    QUEUE_FIELDS,
  )
  const sets: [QueueSpec, string][] = []
  await Promise.all(
    specs.map(async (spec) => {
      const row = rows.get(spec.name)?.[0]
      if (!row) {
        await api.run('/queue/simple/add', { ...spec })
        out.set(spec.name, 'created')
      } else if (
        row.target !== spec.target ||
        !sameRateLimit(queueRateLimit(row), queueRateLimit(spec))
      ) {
        sets.push([spec, row['.id']!])
      } else out.set(spec.name, 'unchanged')
    }),
  )
  await Promise.all(
    chunked(sets, 100).flatMap((chunk) =>
      chunk.map(async ([spec, id]) => {
        const { name: _name, comment: _comment, ...limits } = spec
        await api.run('/queue/simple/set', { '.id': id, ...limits })
        out.set(spec.name, 'updated')
      }),
    ),
  )
  return out
}

export const QUEUE_FIELDS = [
  '.id',
  'name',
  'target',
  'max-limit',
  'burst-limit',
  'burst-threshold',
  'burst-time',
]

export const packageSpeedHandlers: Record<string, DeviceJobHandler> = {
  /**
   * target = product id. One job per router whatever the number of customers: the package's
   * profile gets its rate-limit, or every static service of the package on this router gets its
   * queue's limits, read and written in a few commands.
   */
  'package.speed': async ({ deps, api, job }) => {
    const product = await deps.db
      .selectFrom('products')
      .selectAll()
      .where('id', '=', Number(job.target))
      .where('company_id', '=', job.company_id)
      .executeTakeFirst()
    if (!product) throw new AppError('NOT_FOUND', `product ${job.target}`)
    const speed = packageSpeed(product)
    if (!speed) return { action: 'skipped' }
    if (product.service_type === 'pppoe') {
      if (!product.router_profile) return { action: 'skipped' }
      const spec = { name: product.router_profile, rateLimit: rateLimitText(speed) }
      // Loket's FUP profile of the package is kept equal the same way (fup-speed.ts).
      const fup = fupProfile(product)?.spec
      const done = await ensurePppProfiles(api, fup ? [spec, fup] : [spec])
      return {
        profile: spec.name,
        action: done.get(spec.name),
        ...(fup ? { fupProfile: fup.name, fupAction: done.get(fup.name) } : {}),
      }
    }
    const services = await deps.db
      .selectFrom('services as s')
      .innerJoin('customers as c', 'c.id', 's.customer_id')
      .select(['s.sid', 's.static_ip', 'c.code', fupOpen.as('fup_open')])
      .where('s.product_id', '=', product.id)
      .where('s.router_id', '=', job.router_id)
      .where('s.status', 'in', ['aktif', 'isolir'])
      .where('s.static_ip', 'is not', null)
      .execute()
    // A service past its quota keeps its FUP speed (the desired state says the same).
    const fup = fupQueueSpeed(product)
    const done = await ensureQueues(
      api,
      services.map((s) =>
        queueSpec(fup && Number(s.fup_open ?? 0) > 0 ? fup : speed, {
          sid: s.sid,
          address: s.static_ip!,
          comment: s.code,
        }),
      ),
    )
    const counts = { created: 0, updated: 0, unchanged: 0 }
    for (const action of done.values()) counts[action]++
    return { queues: counts }
  },
}

/** A rate-limit as people read it ('5M/10M 10M/20M 4M/8M 8s/8s'), however the router spelled it. */
export function rateLimitDisplay(value: string): string {
  const r = parseFullRateLimit(value)
  if (!r) return value
  const pair = (rx: number, tx: number) =>
    `${rateText(Math.round(rx / 1000))}/${rateText(Math.round(tx / 1000))}`
  const base = pair(r.rx, r.tx)
  if (r.burstRx === 0 && r.burstTx === 0) return base
  return [
    base,
    pair(r.burstRx, r.burstTx),
    pair(r.thresholdRx, r.thresholdTx),
    `${r.timeRx}s/${r.timeTx}s`,
  ].join(' ')
}
