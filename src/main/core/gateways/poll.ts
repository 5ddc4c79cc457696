import type { JobCounts } from '../deps'
import type { GatewayName } from './adapter'
import type { GatewayDeps } from './deps'
import { GATEWAYS } from './registry'
import { nextPollAt, settleTransaction, type GatewayTxRow } from './settle'
import { openGateway, type OpenGateway } from './settings'

/** Transactions asked about at once in a polling pass (each is one HTTP call to the gateway). */
const PARALLEL = 8

type Opened =
  (OpenGateway & { adapter: NonNullable<(typeof GATEWAYS)[GatewayName]['adapter']> }) | null

async function opened(deps: GatewayDeps, companyId: number, gateway: GatewayName): Promise<Opened> {
  const open = await openGateway(deps, companyId, gateway)
  const adapter = GATEWAYS[gateway].adapter
  return open && adapter ? { ...open, adapter } : null
}

/**
 * Asks the gateway about one stored transaction (`transaction/detail`, Midtrans status, Xendit
 * invoice) and applies the answer exactly as a callback would be.
 */
export async function pollTransaction(
  deps: GatewayDeps,
  row: GatewayTxRow,
  open?: Opened,
): Promise<{ outcome: string; state: string }> {
  const gateway = row.gateway as GatewayName
  const g = open === undefined ? await opened(deps, row.company_id, gateway) : open
  if (!g) return { outcome: 'not_configured', state: row.state }
  let status
  try {
    status = await g.adapter.status(g.config, {
      reference: row.reference,
      merchantRef: row.merchant_ref,
    })
  } catch (error) {
    // Not answering now: asked again at the next interval, the transaction stays as it is.
    const now = deps.clock.now()
    await deps.db
      .updateTable('gateway_transactions')
      .set({
        last_polled_at: now.toISOString(),
        next_poll_at: nextPollAt(row, now, g.settings.pollMinutes) ?? now.toISOString(),
      })
      .where('id', '=', row.id)
      .where('state', '=', 'unpaid')
      .execute()
    throw error
  }
  const settled = await settleTransaction(deps, row, {
    source: 'poll',
    status,
    payload: JSON.stringify({ ...status, paidAt: status.paidAt?.toISOString() ?? null }),
    pollMinutes: g.settings.pollMinutes,
  })
  return { outcome: settled.outcome, state: settled.state }
}

export interface PollReport {
  counts: JobCounts
  /** The transactions whose state changed, for `gateway poll`. */
  changed: { reference: string; gateway: string; outcome: string; state: string }[]
  errors: { reference: string; gateway: string; error: string }[]
}

/**
 * One polling pass (behind NAT no callback reaches the office): every unpaid transaction whose
 * next poll time has come is asked about, a few at a time, until it is paid, expired or failed.
 */
export async function pollGateways(
  deps: GatewayDeps,
  companyId: number,
  o: { limit?: number } = {},
): Promise<PollReport> {
  const now = deps.clock.now().toISOString()
  const due = await deps.db
    .selectFrom('gateway_transactions')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('state', '=', 'unpaid')
    .where('next_poll_at', '<=', now)
    .orderBy('next_poll_at')
    .orderBy('id')
    .limit(o.limit ?? 20_000)
    .execute()
  const counts: JobCounts = { polled: 0, paid: 0, held: 0, expired: 0, failed: 0, errors: 0 }
  const report: PollReport = { counts, changed: [], errors: [] }
  const gateways = new Map<string, Promise<Opened>>()
  const gatewayOf = (g: GatewayName) => {
    let p = gateways.get(g)
    if (!p) gateways.set(g, (p = opened(deps, companyId, g)))
    return p
  }
  let next = 0
  const worker = async () => {
    while (next < due.length) {
      const row = due[next++]!
      try {
        const r = await pollTransaction(deps, row, await gatewayOf(row.gateway as GatewayName))
        if (r.outcome === 'not_configured') continue
        counts.polled! += 1
        if (r.outcome === 'applied') counts.paid! += 1
        else if (r.outcome === 'amount_mismatch' || r.outcome === 'held') counts.held! += 1
        else if (r.outcome === 'expired') counts.expired! += 1
        else if (r.outcome === 'failed') counts.failed! += 1
        if (r.outcome !== 'unchanged')
          report.changed.push({
            reference: row.reference,
            gateway: row.gateway,
            outcome: r.outcome,
            state: r.state,
          })
      } catch (error) {
        counts.errors! += 1
        report.errors.push({
          reference: row.reference,
          gateway: row.gateway,
          error: error instanceof Error ? error.message : String(error),
        })
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, due.length) }, worker))
  return report
}
