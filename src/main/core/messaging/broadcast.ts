import { renderTemplate, type MessageChannel, type MessageReason } from '@shared/messaging'
import { BROADCAST_VARIABLES, type BroadcastFilter, type BroadcastInput } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Db } from '../db'
import type { MessagingDeps } from './deps'
import { audienceQuery, type AudienceMember } from './broadcast-audience'
import { activeChannels, addressFor, queueMessages, type QueueResult } from './outbox'
import { assertKnownVariables, companyTemplateValues } from './template-edit'

type CompanyActor = Actor & { companyId: number }

/** E-mail needs a subject; a broadcast written for WhatsApp often has none. */
export const DEFAULT_BROADCAST_SUBJECT = 'Pemberitahuan {perusahaan}'

const SAMPLE_SIZE = 10

export interface AudienceSample {
  id: number
  code: string
  name: string
  channel: MessageChannel
  recipient: string
  reason: MessageReason | null
}

export interface BroadcastPreview {
  /** Customers the filter picks. */
  total: number
  /** Of those, how many would be queued now, and on which channel. */
  sendable: number
  byChannel: Partial<Record<MessageChannel, number>>
  /** How many would be recorded as skipped, per reason (no number, opted out, no channel…). */
  skipped: number
  byReason: Partial<Record<MessageReason, number>>
  sample: AudienceSample[]
  skippedSample: AudienceSample[]
}

const contactOf = (c: AudienceMember) => ({
  phone: c.phone,
  whatsapp: c.whatsapp,
  email: c.email,
  optOut: c.optOut === 1,
})

/** Who a broadcast would reach and who not (and why), before anything is queued. */
export async function broadcastPreview(
  db: Db,
  companyId: number,
  filter: BroadcastFilter,
): Promise<BroadcastPreview> {
  const [audience, channels] = await Promise.all([
    audienceQuery(db, companyId, filter).execute(),
    activeChannels(db, companyId),
  ])
  const out: BroadcastPreview = {
    total: audience.length,
    sendable: 0,
    byChannel: {},
    skipped: 0,
    byReason: {},
    sample: [],
    skippedSample: [],
  }
  for (const c of audience) {
    const a = addressFor(contactOf(c), channels)
    const row = { id: c.id, code: c.code, name: c.name, ...a }
    if (a.reason) {
      out.skipped++
      out.byReason[a.reason] = (out.byReason[a.reason] ?? 0) + 1
      if (out.skippedSample.length < SAMPLE_SIZE) out.skippedSample.push(row)
    } else {
      out.sendable++
      out.byChannel[a.channel] = (out.byChannel[a.channel] ?? 0) + 1
      if (out.sample.length < SAMPLE_SIZE) out.sample.push(row)
    }
  }
  return out
}

export interface BroadcastResult extends QueueResult {
  audience: number
}

/**
 * Queues an outage or maintenance notice to every customer the filter picks, each with their
 * own name and code filled in, in one transaction. The browser's `clientId` is in every dedupe
 * key, so a request retried after a timeout queues nobody twice; the unreachable are recorded as
 * skipped with the reason, like every other message.
 */
export async function sendBroadcast(
  deps: MessagingDeps,
  actor: CompanyActor,
  input: BroadcastInput,
): Promise<BroadcastResult> {
  const subject = input.subject?.trim() || DEFAULT_BROADCAST_SUBJECT
  assertKnownVariables([subject, input.body], BROADCAST_VARIABLES)
  const at = deps.clock.now().toISOString()
  const result = await writeTx(deps.db, async (tx) => {
    const [audience, company] = await Promise.all([
      audienceQuery(tx, actor.companyId, input.filter).execute(),
      companyTemplateValues(tx, actor.companyId),
    ])
    const items = audience.map((c) => {
      const values = { ...company, nama: c.name, kode: c.code }
      return {
        customerId: c.id,
        contact: contactOf(c),
        kind: 'broadcast' as const,
        subject: renderTemplate(subject, values),
        body: renderTemplate(input.body, values),
        dedupeKey: `broadcast:${input.clientId}:${c.id}`,
        refType: 'broadcast',
      }
    })
    const queued = await queueMessages(
      tx,
      { companyId: actor.companyId, at, createdBy: actor.username },
      items,
    )
    // A retried request that added nothing is not a second broadcast in the audit log.
    if (queued.queued + queued.skipped > 0) {
      await appendAudit(tx, deps.clock, actor, {
        action: 'messages.broadcast',
        entityType: 'broadcast',
        entityId: input.clientId,
        after: {
          filter: input.filter,
          subject,
          body: input.body,
          audience: audience.length,
          queued: queued.queued,
          skipped: queued.skipped,
          by_reason: queued.byReason,
        },
      })
    }
    return { ...queued, audience: audience.length }
  })
  if (result.queued > 0) deps.onMessages?.()
  return result
}
