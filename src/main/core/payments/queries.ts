import type { Db } from '../db'

export interface PaymentListFilter {
  from?: string
  to?: string
  method?: string
  userId?: number
  customerId?: number
  q?: string
  cursor: number
  limit: number
}

/** Payments, newest first, with who received them; reversed ones stay listed. */
export async function listPayments(db: Db, companyId: number, f: PaymentListFilter) {
  let q = db
    .selectFrom('payments as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .where('p.company_id', '=', companyId)
  if (f.from) q = q.where('p.received_date', '>=', f.from)
  if (f.to) q = q.where('p.received_date', '<=', f.to)
  if (f.method) q = q.where('p.method', '=', f.method)
  if (f.userId) q = q.where('p.user_id', '=', f.userId)
  if (f.customerId) q = q.where('p.customer_id', '=', f.customerId)
  if (f.q) {
    const like = `%${f.q.replace(/[%_]/g, '')}%`
    q = q.where((eb) =>
      eb.or([
        eb('p.number', 'like', like),
        eb('p.reference', 'like', like),
        eb('c.code', 'like', like),
        eb('c.name', 'like', like),
      ]),
    )
  }
  const rows = await q
    .select([
      'p.id',
      'p.number',
      'p.amount',
      'p.method',
      'p.reference',
      'p.source',
      'p.received_at as receivedAt',
      'p.received_date as receivedDate',
      'p.username',
      'p.status',
      'p.reversal_reason as reversalReason',
      'p.reversed_by as reversedBy',
      'c.id as customerId',
      'c.code as customerCode',
      'c.name as customerName',
    ])
    .orderBy('p.id', 'desc')
    .offset(f.cursor)
    .limit(f.limit)
    .execute()
  return { rows, nextCursor: rows.length === f.limit ? f.cursor + f.limit : null }
}
