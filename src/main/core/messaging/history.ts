import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely'
import { addDays, startOfDayInZone, type CalendarDate } from '@shared/dates'
import { MESSAGE_STATUSES, type MessageStatus } from '@shared/messaging'
import type { MessageListInput } from '@shared/schemas'
import { searchMatchIds, type Database, type Db } from '../db'

export interface MessageListRow {
  id: number
  createdAt: string
  sentAt: string | null
  customerId: number | null
  customerCode: string | null
  customerName: string | null
  channel: 'whatsapp' | 'email'
  recipient: string
  kind: string
  status: MessageStatus
  reason: string | null
  attempts: number
  /** The start of the text, enough to recognise the message in the list. */
  excerpt: string
}

export interface MessageList {
  rows: MessageListRow[]
  /** How many messages match the filters (the status filter included). */
  total: number
  /** How many match every filter but the status one, per status: the numbers beside the chips. */
  counts: Record<MessageStatus, number>
  nextCursor: string | null
}

type Filter = Omit<MessageListInput, 'cursor' | 'limit'>
type Query = SelectQueryBuilder<Database, 'messages', object>

const EXCERPT_CHARS = 140

/** `%text%` for LIKE; the wildcards a person might type are dropped, not interpreted. */
const contains = (text: string) => `%${text.replace(/[%_\\]/g, '')}%`

/**
 * What the search box means. A number typed any way (0812-…, +62 812 …) is looked for in the
 * recipient as stored (62…) and in the text; words are looked for in the text, the address and
 * the customer's name or code (the customer search index, so a name costs no scan of customers).
 */
function searchCondition(db: Db, q: string) {
  const text = q.trim()
  return (eb: ExpressionBuilder<Database, 'messages'>) => {
    if (/^[+\d][\d\s().-]{3,}$/.test(text)) {
      const digits = text.replace(/\D/g, '')
      const stored = digits.startsWith('0') ? `62${digits.slice(1)}` : digits
      return eb.or([
        eb('messages.recipient', 'like', contains(stored)),
        eb('messages.body', 'like', contains(text)),
      ])
    }
    const terms = text
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w.length >= 3)
    const like = contains(text)
    return eb.or([
      eb('messages.body', 'like', like),
      eb('messages.subject', 'like', like),
      eb('messages.recipient', 'like', like),
      ...(terms.length ? [eb('messages.customer_id', 'in', searchMatchIds(db, terms))] : []),
    ])
  }
}

function filtered(db: Db, companyId: number, timeZone: string, f: Filter): Query {
  let q = db.selectFrom('messages').where('messages.company_id', '=', companyId) as Query
  if (f.from) {
    const start = startOfDayInZone(f.from as CalendarDate, timeZone).toISOString()
    q = q.where('messages.created_at', '>=', start)
  }
  if (f.to) {
    const end = startOfDayInZone(addDays(f.to as CalendarDate, 1), timeZone).toISOString()
    q = q.where('messages.created_at', '<', end)
  }
  if (f.kind) q = q.where('messages.kind', '=', f.kind)
  if (f.channel) q = q.where('messages.channel', '=', f.channel)
  if (f.customerId) q = q.where('messages.customer_id', '=', f.customerId)
  if (f.q?.trim()) q = q.where(searchCondition(db, f.q))
  return q
}

/** `created_at|id` of the last row shown; the next page starts strictly after it. */
function parseCursor(cursor: string | null | undefined): { at: string; id: number } | null {
  const m = /^(.+)\|(\d+)$/.exec(cursor ?? '')
  return m ? { at: m[1]!, id: Number(m[2]) } : null
}

/**
 * The outbox history, newest first, a page at a time. Pages follow (created_at, id) instead of
 * an offset, so page 40 of 200,000 messages costs what page 1 does; the (company, created_at)
 * index gives the order.
 */
export async function listMessages(
  db: Db,
  companyId: number,
  timeZone: string,
  input: MessageListInput,
): Promise<MessageList> {
  const limit = input.limit ?? 50
  const base = filtered(db, companyId, timeZone, input)
  let page = input.status ? base.where('messages.status', '=', input.status) : base
  const after = parseCursor(input.cursor)
  if (after) {
    // `created_at <= at` is the index range; the rest drops what the previous page showed.
    page = page
      .where('messages.created_at', '<=', after.at)
      .where((eb) =>
        eb.or([eb('messages.created_at', '<', after.at), eb('messages.id', '<', after.id)]),
      )
  }
  const [rows, grouped] = await Promise.all([
    page
      .leftJoin('customers', 'customers.id', 'messages.customer_id')
      .select([
        'messages.id',
        'messages.created_at as createdAt',
        'messages.sent_at as sentAt',
        'messages.customer_id as customerId',
        'customers.code as customerCode',
        'customers.name as customerName',
        'messages.channel',
        'messages.recipient',
        'messages.kind',
        'messages.status',
        'messages.reason',
        'messages.attempts',
        sql<string>`substr(messages.body, 1, ${EXCERPT_CHARS})`.as('excerpt'),
      ])
      .orderBy('messages.created_at', 'desc')
      .orderBy('messages.id', 'desc')
      .limit(limit + 1)
      .execute(),
    base
      .select((eb) => ['messages.status', eb.fn.countAll<number>().as('n')])
      .groupBy('messages.status')
      .execute(),
  ])
  const counts = Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, 0])) as Record<
    MessageStatus,
    number
  >
  for (const g of grouped) counts[g.status] = Number(g.n)
  const shown = rows.slice(0, limit)
  const last = shown.at(-1)
  return {
    rows: shown,
    total: input.status
      ? counts[input.status]
      : MESSAGE_STATUSES.reduce((sum, s) => sum + counts[s], 0),
    counts,
    nextCursor: rows.length > limit && last ? `${last.createdAt}|${last.id}` : null,
  }
}

/** One message with everything the detail shows, or null when it is not the company's. */
export async function getMessage(db: Db, companyId: number, id: number) {
  const m = await db
    .selectFrom('messages')
    .leftJoin('customers', 'customers.id', 'messages.customer_id')
    .selectAll('messages')
    .select(['customers.code as customer_code', 'customers.name as customer_name'])
    .where('messages.id', '=', id)
    .where('messages.company_id', '=', companyId)
    .executeTakeFirst()
  if (!m) return null
  return {
    id: m.id,
    channel: m.channel,
    recipient: m.recipient,
    kind: m.kind,
    subject: m.subject,
    body: m.body,
    status: m.status,
    reason: m.reason,
    errorDetail: m.error_detail,
    attempts: m.attempts,
    nextAttemptAt: m.status === 'antri' ? m.next_attempt_at : null,
    providerId: m.provider_id,
    refType: m.ref_type,
    refId: m.ref_id,
    createdBy: m.created_by,
    createdAt: m.created_at,
    sentAt: m.sent_at,
    customer:
      m.customer_id != null
        ? { id: m.customer_id, code: m.customer_code ?? '', name: m.customer_name ?? '' }
        : null,
  }
}
export type MessageDetail = NonNullable<Awaited<ReturnType<typeof getMessage>>>
