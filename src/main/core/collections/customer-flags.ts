import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import type { CustomerFlagsInput, PromiseInput } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Db } from '../db'
import type { CoreDeps } from '../deps'

type CompanyActor = Actor & { companyId: number }

/** Keep out of automatic isolir (with the reason written down), and refuse messages. */
export async function setCustomerFlags(
  deps: CoreDeps,
  actor: CompanyActor,
  input: CustomerFlagsInput,
) {
  const at = deps.clock.now().toISOString()
  return writeTx(deps.db, async (tx) => {
    const before = await tx
      .selectFrom('customers')
      .select(['id', 'code', 'no_isolir', 'no_isolir_reason', 'messages_opt_out'])
      .where('id', '=', input.customerId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!before) throw new AppError('NOT_FOUND', 'customer')
    const after = {
      no_isolir: input.noIsolir ? 1 : 0,
      no_isolir_reason: input.noIsolir ? input.noIsolirReason : null,
      messages_opt_out: input.messagesOptOut ? 1 : 0,
    }
    await tx
      .updateTable('customers')
      .set({ ...after, updated_at: at })
      .where('id', '=', before.id)
      .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'customers.collections',
      entityType: 'customer',
      entityId: before.id,
      before: {
        code: before.code,
        no_isolir: before.no_isolir,
        no_isolir_reason: before.no_isolir_reason,
        messages_opt_out: before.messages_opt_out,
      },
      after: { code: before.code, ...after },
    })
    return {
      customerId: before.id,
      noIsolir: input.noIsolir,
      noIsolirReason: after.no_isolir_reason,
      messagesOptOut: input.messagesOptOut,
    }
  })
}

/**
 * A promise to pay: automatic isolir skips the customer through `untilDate` (inclusive), and
 * who agreed is recorded. Only the latest promise counts, so a new one replaces (cancels) the
 * one still open.
 */
export async function createPromise(
  deps: CoreDeps,
  actor: CompanyActor,
  input: PromiseInput,
  timeZone: string,
) {
  const today = dateInZone(deps.clock.now(), timeZone)
  if (input.untilDate < today) {
    throw new AppError('VALIDATION', 'promise date in the past', {
      issues: [{ path: ['untilDate'], message: 'validation.date_not_past' }],
    })
  }
  const at = deps.clock.now().toISOString()
  return writeTx(deps.db, async (tx) => {
    const customer = await tx
      .selectFrom('customers')
      .select(['id', 'code'])
      .where('id', '=', input.customerId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!customer) throw new AppError('NOT_FOUND', 'customer')
    const replaced = await tx
      .updateTable('promises_to_pay')
      .set({ cancelled_at: at, cancelled_by: actor.username })
      .where('customer_id', '=', customer.id)
      .where('cancelled_at', 'is', null)
      .returning('id')
      .execute()
    const row = await tx
      .insertInto('promises_to_pay')
      .values({
        company_id: actor.companyId,
        customer_id: customer.id,
        until_date: input.untilDate,
        note: input.note,
        user_id: actor.userId,
        username: actor.username ?? 'sistem',
        created_at: at,
        cancelled_at: null,
        cancelled_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(tx, deps.clock, actor, {
      action: 'promises.create',
      entityType: 'customer',
      entityId: customer.id,
      after: {
        code: customer.code,
        until: input.untilDate,
        note: input.note,
        replaced: replaced.map((r) => r.id),
      },
    })
    return { id: row.id, customerId: customer.id, untilDate: input.untilDate }
  })
}

export async function cancelPromise(deps: CoreDeps, actor: CompanyActor, id: number) {
  const at = deps.clock.now().toISOString()
  return writeTx(deps.db, async (tx) => {
    const row = await tx
      .selectFrom('promises_to_pay as p')
      .innerJoin('customers as c', 'c.id', 'p.customer_id')
      .select(['p.id', 'p.customer_id', 'p.until_date', 'p.cancelled_at', 'c.code'])
      .where('p.id', '=', id)
      .where('p.company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', 'promise')
    // Cancelling twice (a double click) changes nothing the second time.
    if (row.cancelled_at) return { id: row.id, cancelled: false }
    await tx
      .updateTable('promises_to_pay')
      .set({ cancelled_at: at, cancelled_by: actor.username })
      .where('id', '=', row.id)
      .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'promises.cancel',
      entityType: 'customer',
      entityId: row.customer_id,
      before: { code: row.code, until: row.until_date },
    })
    return { id: row.id, cancelled: true }
  })
}

export interface PromiseView {
  id: number
  customerId: number
  customerCode: string
  customerName: string
  untilDate: string
  note: string | null
  username: string
  createdAt: string
}

/** Promises still running on `asOf`: the latest uncancelled one per customer, soonest first. */
export async function listPromises(
  db: Db,
  companyId: number,
  asOf: string,
  customerId?: number,
): Promise<PromiseView[]> {
  let q = db
    .selectFrom('promises_to_pay as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .select([
      'p.id',
      'p.customer_id as customerId',
      'c.code as customerCode',
      'c.name as customerName',
      'p.until_date as untilDate',
      'p.note',
      'p.username',
      'p.created_at as createdAt',
    ])
    .where('p.company_id', '=', companyId)
    .where('p.cancelled_at', 'is', null)
    .where('p.until_date', '>=', asOf)
  if (customerId) q = q.where('p.customer_id', '=', customerId)
  const rows = await q.orderBy('p.id', 'desc').execute()
  const seen = new Set<number>()
  return rows
    .filter((r) => !seen.has(r.customerId) && seen.add(r.customerId))
    .sort(
      (a, b) =>
        a.untilDate.localeCompare(b.untilDate) || a.customerCode.localeCompare(b.customerCode),
    )
}

/** What the automatic runs did on a day, service by service, with why. */
export async function listCollectionActions(
  db: Db,
  companyId: number,
  filter: { asOf?: string; customerId?: number; limit?: number },
) {
  let q = db
    .selectFrom('collection_actions as ca')
    .innerJoin('services as s', 's.id', 'ca.service_id')
    .innerJoin('customers as c', 'c.id', 'ca.customer_id')
    .select([
      'ca.id',
      'ca.action',
      'ca.as_of as asOf',
      'ca.reason',
      'ca.created_at as createdAt',
      's.id as serviceId',
      's.sid',
      's.status',
      'c.id as customerId',
      'c.code as customerCode',
      'c.name as customerName',
    ])
    .where('ca.company_id', '=', companyId)
  if (filter.asOf) q = q.where('ca.as_of', '=', filter.asOf)
  if (filter.customerId) q = q.where('ca.customer_id', '=', filter.customerId)
  return q
    .orderBy('ca.id', 'desc')
    .limit(filter.limit ?? 2000)
    .execute()
}

/** The customer page's "Penagihan" card: flags, the running promise, what was done and sent. */
export async function customerCollections(
  db: Db,
  companyId: number,
  customerId: number,
  asOf: string,
) {
  const customer = await db
    .selectFrom('customers')
    .select(['id', 'no_isolir', 'no_isolir_reason', 'messages_opt_out'])
    .where('id', '=', customerId)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!customer) throw new AppError('NOT_FOUND', 'customer')
  const [promises, actions, messages] = await Promise.all([
    listPromises(db, companyId, asOf, customerId),
    listCollectionActions(db, companyId, { customerId, limit: 10 }),
    db
      .selectFrom('messages')
      .select([
        'id',
        'kind',
        'channel',
        'recipient',
        'status',
        'reason',
        'error_detail as errorDetail',
        'created_at as createdAt',
        'sent_at as sentAt',
      ])
      .where('company_id', '=', companyId)
      .where('customer_id', '=', customerId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(10)
      .execute(),
  ])
  return {
    customerId,
    noIsolir: customer.no_isolir === 1,
    noIsolirReason: customer.no_isolir_reason,
    messagesOptOut: customer.messages_opt_out === 1,
    promise: promises[0] ?? null,
    actions,
    messages,
  }
}
