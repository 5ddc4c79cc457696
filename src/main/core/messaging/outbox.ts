import type { Kysely } from 'kysely'
import { normalisePhone } from '@shared/phone'
import type { MessageChannel, MessageKind, MessageReason, MessageStatus } from '@shared/messaging'
import { insertRows, type Database, type Db } from '../db'

/** How to reach a customer, as stored; the outbox picks the channel and normalises the number. */
export interface Contact {
  whatsapp?: string | null
  phone?: string | null
  email?: string | null
  optOut?: boolean
}

export interface OutgoingMessage {
  customerId: number | null
  contact: Contact
  kind: MessageKind
  subject: string | null
  body: string
  /** Same key, same message: a replayed day or a double click queues nothing twice. */
  dedupeKey: string | null
  refType?: string | null
  refId?: number | null
  /** Send over this channel only (a test message, an e-mail broadcast); default WhatsApp, else e-mail. */
  channel?: MessageChannel
}

export interface QueueResult {
  queued: number
  skipped: number
  /** Already in the outbox under the same dedupe key. */
  duplicates: number
  byReason: Partial<Record<MessageReason, number>>
}

export interface Address {
  channel: MessageChannel
  recipient: string
  /** Set when the message cannot go out: it is recorded as `dilewati` with this reason. */
  reason: MessageReason | null
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function whatsappAddress(contact: Contact): Address {
  const raw = (contact.whatsapp || contact.phone || '').trim()
  if (!raw) return { channel: 'whatsapp', recipient: '', reason: 'no_number' }
  const phone = normalisePhone(raw)
  if (!phone) return { channel: 'whatsapp', recipient: raw, reason: 'invalid_number' }
  return { channel: 'whatsapp', recipient: phone, reason: null }
}

function emailAddress(contact: Contact): Address {
  const raw = (contact.email ?? '').trim()
  if (!raw || !EMAIL.test(raw)) return { channel: 'email', recipient: raw, reason: 'no_email' }
  return { channel: 'email', recipient: raw.toLowerCase(), reason: null }
}

/**
 * Where a message to this contact goes, given the channels the company has switched on:
 * WhatsApp when it is on and the number is good, else e-mail when that is on and there is an
 * address; otherwise the reason it cannot go (the WhatsApp one first: most customers have only a
 * number).
 */
export function addressFor(
  contact: Contact,
  active: ReadonlySet<MessageChannel>,
  forced?: MessageChannel,
): Address {
  const wa = whatsappAddress(contact)
  const mail = emailAddress(contact)
  let pick: Address
  if (forced) {
    pick = forced === 'whatsapp' ? wa : mail
    if (!pick.reason && !active.has(forced)) pick = { ...pick, reason: 'no_channel' }
  } else if (active.has('whatsapp') && !wa.reason) pick = wa
  else if (active.has('email') && !mail.reason) pick = mail
  else if (active.has('whatsapp')) pick = wa
  else if (active.has('email')) pick = mail
  else pick = { ...wa, reason: wa.reason ?? 'no_channel' }
  if (contact.optOut) return { ...pick, reason: 'opted_out' }
  return pick
}

/** The channels that are set up and switched on. */
export async function activeChannels(
  db: Db | Kysely<Database>,
  companyId: number,
): Promise<Set<MessageChannel>> {
  const rows = await db
    .selectFrom('message_channels')
    .select('kind')
    .where('company_id', '=', companyId)
    .where('enabled', '=', 1)
    .execute()
  return new Set(rows.map((r) => r.kind))
}

const KEYS_PER_QUERY = 500

async function existingKeys(
  tx: Kysely<Database>,
  companyId: number,
  keys: string[],
): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    const rows = await tx
      .selectFrom('messages')
      .select('dedupe_key')
      .where('company_id', '=', companyId)
      .where('dedupe_key', 'in', keys.slice(i, i + KEYS_PER_QUERY))
      .execute()
    for (const r of rows) found.add(r.dedupe_key!)
  }
  return found
}

/**
 * Writes messages into the outbox inside the caller's transaction: sendable ones as `antri`, the
 * rest as `dilewati` with the reason (rule 28: every reminder sent or skipped is recorded). The
 * sender picks `antri` rows up later; call `onMessages` after the commit to wake it.
 */
export async function queueMessages(
  tx: Kysely<Database>,
  meta: { companyId: number; at: string; createdBy: string | null },
  items: OutgoingMessage[],
  active?: ReadonlySet<MessageChannel>,
): Promise<QueueResult> {
  const channels = active ?? (await activeChannels(tx, meta.companyId))
  const keys = items.flatMap((m) => (m.dedupeKey ? [m.dedupeKey] : []))
  const seen = await existingKeys(tx, meta.companyId, keys)
  const result: QueueResult = { queued: 0, skipped: 0, duplicates: 0, byReason: {} }
  const rows = []
  for (const m of items) {
    if (m.dedupeKey) {
      if (seen.has(m.dedupeKey)) {
        result.duplicates++
        continue
      }
      seen.add(m.dedupeKey)
    }
    const address = addressFor(m.contact, channels, m.channel)
    const status: MessageStatus = address.reason ? 'dilewati' : 'antri'
    if (address.reason) {
      result.skipped++
      result.byReason[address.reason] = (result.byReason[address.reason] ?? 0) + 1
    } else result.queued++
    rows.push({
      company_id: meta.companyId,
      customer_id: m.customerId,
      channel: address.channel,
      recipient: address.recipient,
      kind: m.kind,
      subject: m.subject,
      body: m.body,
      status,
      reason: address.reason,
      next_attempt_at: address.reason ? null : meta.at,
      dedupe_key: m.dedupeKey,
      ref_type: m.refType ?? null,
      ref_id: m.refId ?? null,
      created_by: meta.createdBy,
      created_at: meta.at,
      updated_at: meta.at,
    })
  }
  await insertRows(tx, 'messages', rows)
  return result
}
