import { appendAudit } from '../audit'
import { writeTx } from '../db'
import type { CallbackVerdict, GatewayName } from './adapter'
import type { GatewayDeps } from './deps'
import { GATEWAYS } from './registry'
import { gatewayActor, settleTransaction } from './settle'
import { gatewayAccounts } from './settings'

export interface CallbackAnswer {
  code: number
  body: unknown
  /** What Loket did with it (for logs and tests). */
  outcome: string
}

/** The body as text for the log, however it came (a callback is recorded even when unreadable). */
const payloadText = (raw: Buffer) => raw.toString('utf8').slice(0, 20_000)

/** The reference a callback claims, for the log of one that cannot be believed. */
function claimedReference(raw: Buffer): string {
  try {
    const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>
    const ref = body.reference ?? body.order_id ?? body.external_id ?? body.id
    return typeof ref === 'string' || typeof ref === 'number' ? String(ref).slice(0, 100) : ''
  } catch {
    return ''
  }
}

/**
 * A callback on `POST /api/pay/<gateway>` (rule 27). The host serves every company, and a
 * callback names none: it is checked with each company's keys of that gateway over the raw body
 * bytes, and belongs to the one whose keys it matches. Every callback is recorded (gateway_events),
 * valid or not; one that matches no keys changes nothing and gets the gateway's failure answer.
 */
export async function handleGatewayCallback(
  deps: GatewayDeps,
  gateway: GatewayName,
  rawBody: Buffer,
  headers: Record<string, string | undefined>,
): Promise<CallbackAnswer> {
  const adapter = GATEWAYS[gateway].adapter
  const accounts = await gatewayAccounts(deps, gateway)
  let refusal: CallbackVerdict | null = null
  for (const account of accounts) {
    let open
    try {
      open = account.open()
    } catch {
      continue
    }
    if (!adapter) break
    const verdict = adapter.verifyCallback(open.config, rawBody, headers)
    if (!verdict.valid || !verdict.status) {
      refusal ??= verdict
      continue
    }
    const status = verdict.status
    const row = await deps.db
      .selectFrom('gateway_transactions')
      .selectAll()
      .where('company_id', '=', account.companyId)
      .where('gateway', '=', gateway)
      .where((eb) =>
        eb.or([
          eb('reference', '=', status.reference),
          eb('merchant_ref', '=', status.merchantRef),
        ]),
      )
      .executeTakeFirst()
    if (!row) {
      // Signed by this company's keys but not a transaction Loket opened (made in the gateway's
      // dashboard, or another program's): recorded, acknowledged so it is not sent for ever.
      await record(
        deps,
        account.companyId,
        gateway,
        status.reference,
        status.amount,
        rawBody,
        'unknown_transaction',
      )
      return { ...verdict.reply, outcome: 'unknown_transaction' }
    }
    let believed = status
    if (adapter.confirmsPaidByStatus && status.state === 'paid') {
      try {
        believed = await adapter.status(open.config, {
          reference: row.reference,
          merchantRef: row.merchant_ref,
        })
      } catch {
        // Not confirmed now: the gateway is told to send it again, and polling asks later.
        await record(
          deps,
          account.companyId,
          gateway,
          status.reference,
          status.amount,
          rawBody,
          'unconfirmed',
        )
        return { code: 503, body: { status: 'retry' }, outcome: 'unconfirmed' }
      }
    }
    const settled = await settleTransaction(deps, row, {
      source: 'callback',
      status: believed,
      payload: payloadText(rawBody),
      pollMinutes: open.settings.pollMinutes,
    })
    return { ...verdict.reply, outcome: settled.outcome }
  }
  // Forged, or signed with keys no company holds: nothing changes, each company that uses this
  // gateway sees it in its log and in the audit log.
  const reference = claimedReference(rawBody)
  for (const account of accounts) {
    await record(deps, account.companyId, gateway, reference, null, rawBody, 'bad_signature')
  }
  if (accounts.length === 0)
    console.warn(`[gateway] ${gateway} callback, but no company uses ${gateway}`)
  return {
    ...(refusal?.reply ?? { code: 400, body: { success: false, message: 'Invalid signature' } }),
    outcome: 'bad_signature',
  }
}

async function record(
  deps: GatewayDeps,
  companyId: number,
  gateway: GatewayName,
  reference: string,
  amount: number | null,
  raw: Buffer,
  outcome: 'bad_signature' | 'unknown_transaction' | 'unconfirmed',
) {
  await writeTx(deps.db, async (tx) => {
    await tx
      .insertInto('gateway_events')
      .values({
        company_id: companyId,
        gateway,
        reference,
        invoice_number: null,
        amount,
        outcome,
        payment_id: null,
        payload: payloadText(raw),
        at: deps.clock.now().toISOString(),
        transaction_id: null,
        source: 'callback',
      })
      .execute()
    await appendAudit(tx, deps.clock, gatewayActor(companyId, gateway), {
      action: 'payments.gateway_rejected',
      entityType: 'gateway_event',
      entityId: reference || '-',
      after: { gateway, outcome, reference, amount },
    })
  })
}
