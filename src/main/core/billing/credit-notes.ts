import type { Kysely } from 'kysely'
import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Database } from '../db'
import type { CoreDeps } from '../deps'
import { getBillingSettings } from '../settings'
import { insertAllocations, moneyTurnOf } from './allocation'
import { addCredit } from './credit'
import { refreshInvoices } from './invoice-state'
import { takeDocumentNumbers } from './numbers'

type CompanyActor = Actor & { companyId: number }

export interface CreditNoteRequest {
  invoiceId: number
  amount: number
  reason: string
  kind: 'manual' | 'termination'
  serviceId: number | null
  date: string
}

/**
 * A credit note (rule 14): its own gapless number; it pays what is still open on the invoice and
 * anything beyond becomes customer credit. The invoice's own amounts are never touched.
 */
export async function insertCreditNote(
  tx: Kysely<Database>,
  deps: CoreDeps,
  actor: CompanyActor,
  r: CreditNoteRequest,
): Promise<{ id: number; number: string }> {
  await moneyTurnOf(tx, { table: 'invoices', id: r.invoiceId, companyId: actor.companyId })
  const invoice = await tx
    .selectFrom('invoices')
    .select(['id', 'customer_id', 'status', 'total', 'paid', 'number'])
    .where('id', '=', r.invoiceId)
    .where('company_id', '=', actor.companyId)
    .executeTakeFirst()
  if (!invoice) throw new AppError('NOT_FOUND', 'invoice')
  if (invoice.status !== 'issued') throw new AppError('INVOICE_NOT_ISSUED')
  const credited = await tx
    .selectFrom('credit_notes')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('sum'))
    .where('invoice_id', '=', invoice.id)
    .executeTakeFirstOrThrow()
  if (Number(credited.sum) + r.amount > invoice.total) {
    throw new AppError('CREDIT_EXCEEDS_INVOICE', undefined, {
      max: invoice.total - Number(credited.sum),
    })
  }
  const settings = await getBillingSettings(tx, actor.companyId)
  const [number] = await takeDocumentNumbers(
    tx,
    actor.companyId,
    'credit_note',
    settings.creditNotePattern,
    r.date.slice(0, 4),
    1,
  )
  const at = deps.clock.now().toISOString()
  const row = await tx
    .insertInto('credit_notes')
    .values({
      company_id: actor.companyId,
      number: number!,
      invoice_id: invoice.id,
      customer_id: invoice.customer_id,
      kind: r.kind,
      service_id: r.serviceId,
      amount: r.amount,
      reason: r.reason,
      issue_date: r.date,
      created_by: actor.username,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const open = Math.max(0, invoice.total - invoice.paid)
  const onInvoice = Math.min(open, r.amount)
  await insertAllocations(
    tx,
    onInvoice > 0 ? [{ invoiceId: invoice.id, amount: onInvoice }] : [],
    { source: 'credit_note', creditNoteId: row.id },
    r.date,
    at,
  )
  if (r.amount > onInvoice) {
    await addCredit(tx, {
      companyId: actor.companyId,
      customerId: invoice.customer_id,
      amount: r.amount - onInvoice,
      kind: 'credit_note',
      creditNoteId: row.id,
      invoiceId: invoice.id,
      date: r.date,
      at,
      username: actor.username,
    })
  }
  await refreshInvoices(tx, [invoice.id], at)
  await appendAudit(tx, deps.clock, actor, {
    action: 'credit_notes.create',
    entityType: 'invoice',
    entityId: invoice.id,
    after: { number, invoice: invoice.number, amount: r.amount, reason: r.reason, kind: r.kind },
  })
  return { id: row.id, number: number! }
}

export async function createCreditNote(
  deps: CoreDeps,
  actor: CompanyActor,
  input: { invoiceId: number; amount: number; reason: string },
  timeZone: string,
) {
  const date = dateInZone(deps.clock.now(), timeZone)
  return writeTx(deps.db, (tx) =>
    insertCreditNote(tx, deps, actor, { ...input, kind: 'manual', serviceId: null, date }),
  )
}
