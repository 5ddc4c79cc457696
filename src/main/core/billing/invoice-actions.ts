import type { Kysely } from 'kysely'
import { dateInZone, type CalendarDate } from '@shared/dates'
import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Database } from '../db'
import type { CoreDeps } from '../deps'
import { getBillingSettings } from '../settings'
import { moneyTurnOf } from './allocation'
import { dueDateFor } from './amounts'
import { applyCredit } from './credit'
import { takeDocumentNumbers } from './numbers'
import { totalsOf } from './run-plan'

type CompanyActor = Actor & { companyId: number }

/**
 * Rule 14: an unpaid invoice can be voided; its number stays (status void) and the periods it
 * billed are freed, so the next run bills them again at the right price.
 */
export async function voidInvoice(
  deps: CoreDeps,
  actor: CompanyActor,
  input: { invoiceId: number; reason: string },
) {
  return writeTx(deps.db, async (tx) => {
    await moneyTurnOf(tx, { table: 'invoices', id: input.invoiceId, companyId: actor.companyId })
    const invoice = await tx
      .selectFrom('invoices')
      .select(['id', 'number', 'status', 'paid', 'total'])
      .where('id', '=', input.invoiceId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!invoice) throw new AppError('NOT_FOUND', 'invoice')
    if (invoice.status !== 'issued') throw new AppError('INVOICE_NOT_ISSUED')
    if (invoice.paid !== 0) throw new AppError('INVOICE_HAS_PAYMENTS')
    const at = deps.clock.now().toISOString()
    await tx
      .updateTable('invoices')
      .set({
        status: 'void',
        payment_status: 'void',
        void_reason: input.reason,
        voided_at: at,
        voided_by: actor.username,
        updated_at: at,
      })
      .where('id', '=', invoice.id)
      .execute()
    await tx.deleteFrom('billed_periods').where('invoice_id', '=', invoice.id).execute()
    // Its one-time charges wait for the next invoice again.
    await tx
      .updateTable('one_time_charges')
      .set({ status: 'pending', invoice_id: null })
      .where('invoice_id', '=', invoice.id)
      .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'invoices.void',
      entityType: 'invoice',
      entityId: invoice.id,
      before: { status: 'issued', number: invoice.number, total: invoice.total },
      after: { status: 'void', reason: input.reason },
    })
    return { invoiceId: invoice.id }
  })
}

/** A draft invoice of the given lines (no number yet, rule 13). */
async function insertDraft(
  tx: Kysely<Database>,
  deps: CoreDeps,
  actor: CompanyActor,
  customerId: number,
  lines: {
    description: string
    amount: number
    chargeId: number | null
    serviceId: number | null
  }[],
  date: CalendarDate,
): Promise<number> {
  const customer = await tx
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'address', 'npwp'])
    .where('id', '=', customerId)
    .where('company_id', '=', actor.companyId)
    .executeTakeFirst()
  if (!customer) throw new AppError('NOT_FOUND', 'customer')
  const settings = await getBillingSettings(tx, actor.companyId)
  const planned = lines.map((l) => ({
    kind: 'one_time' as const,
    serviceId: l.serviceId,
    productId: null,
    description: l.description,
    periodStart: null,
    periodEnd: null,
    amount: l.amount,
    historyId: null,
    chargeId: l.chargeId,
    taxable: true,
  }))
  const totals = totalsOf(planned, settings)
  const at = deps.clock.now().toISOString()
  const row = await tx
    .insertInto('invoices')
    .values({
      company_id: actor.companyId,
      customer_id: customer.id,
      kind: 'one_time',
      period: null,
      run_id: null,
      number: null,
      status: 'draft',
      payment_status: 'belum_bayar',
      issue_date: date,
      due_date: dueDateFor(date, settings),
      customer_code: customer.code,
      customer_name: customer.name,
      customer_address: customer.address,
      customer_npwp: customer.npwp,
      subtotal: totals.subtotal,
      tax_label: totals.taxLabel,
      tax_amount: totals.tax,
      rounding: totals.rounding,
      total: totals.total,
      paid: 0,
      settled_date: null,
      void_reason: null,
      voided_at: null,
      voided_by: null,
      notes: null,
      created_by: actor.username,
      created_at: at,
      issued_at: null,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await tx
    .insertInto('invoice_lines')
    .values(
      planned.map((l, sort) => ({
        invoice_id: row.id,
        kind: l.kind,
        service_id: l.serviceId,
        product_id: null,
        description: l.description,
        period_start: null,
        period_end: null,
        amount: l.amount,
        history_id: null,
        charge_id: l.chargeId,
        sort,
      })),
    )
    .execute()
  await appendAudit(tx, deps.clock, actor, {
    action: 'invoices.create',
    entityType: 'invoice',
    entityId: row.id,
    after: { customer: customer.code, total: totals.total, lines: lines.length, status: 'draft' },
  })
  return row.id
}

/** Issues a draft: it gets the next number of its year and is frozen from then on (13–14). */
async function issueDraft(
  tx: Kysely<Database>,
  deps: CoreDeps,
  actor: CompanyActor,
  invoiceId: number,
  date: CalendarDate,
): Promise<string> {
  const invoice = await tx
    .selectFrom('invoices')
    .select(['id', 'status', 'customer_id', 'total'])
    .where('id', '=', invoiceId)
    .where('company_id', '=', actor.companyId)
    .executeTakeFirst()
  if (!invoice) throw new AppError('NOT_FOUND', 'invoice')
  if (invoice.status !== 'draft') throw new AppError('INVOICE_IMMUTABLE')
  const settings = await getBillingSettings(tx, actor.companyId)
  const [number] = await takeDocumentNumbers(
    tx,
    actor.companyId,
    'invoice',
    settings.invoicePattern,
    date.slice(0, 4),
    1,
  )
  const at = deps.clock.now().toISOString()
  await tx
    .updateTable('invoices')
    .set({
      number: number!,
      status: 'issued',
      issue_date: date,
      due_date: dueDateFor(date, settings),
      issued_at: at,
      updated_at: at,
    })
    .where('id', '=', invoice.id)
    .execute()
  await tx
    .updateTable('one_time_charges')
    .set({ status: 'billed' })
    .where('invoice_id', '=', invoice.id)
    .execute()
  await applyCredit(tx, {
    companyId: actor.companyId,
    customerId: invoice.customer_id,
    date,
    at,
    username: actor.username,
  })
  await appendAudit(tx, deps.clock, actor, {
    action: 'invoices.issue',
    entityType: 'invoice',
    entityId: invoice.id,
    after: { number, total: invoice.total },
  })
  return number!
}

export async function issueInvoice(
  deps: CoreDeps,
  actor: CompanyActor,
  invoiceId: number,
  timeZone: string,
) {
  const date = dateInZone(deps.clock.now(), timeZone)
  return writeTx(deps.db, async (tx) => ({
    invoiceId,
    number: await issueDraft(tx, deps, actor, invoiceId, date),
  }))
}

/** A draft can be thrown away; it never had a number, so no gap is left (rule 13). */
export async function deleteDraft(deps: CoreDeps, actor: CompanyActor, invoiceId: number) {
  return writeTx(deps.db, async (tx) => {
    const invoice = await tx
      .selectFrom('invoices')
      .select(['id', 'status', 'total', 'customer_code'])
      .where('id', '=', invoiceId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!invoice) throw new AppError('NOT_FOUND', 'invoice')
    if (invoice.status !== 'draft') throw new AppError('INVOICE_IMMUTABLE')
    await tx
      .updateTable('one_time_charges')
      .set({ status: 'pending', invoice_id: null })
      .where('invoice_id', '=', invoice.id)
      .execute()
    await tx.deleteFrom('invoice_lines').where('invoice_id', '=', invoice.id).execute()
    await tx.deleteFrom('invoices').where('id', '=', invoice.id).execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'invoices.delete_draft',
      entityType: 'invoice',
      entityId: invoice.id,
      before: { customer: invoice.customer_code, total: invoice.total },
    })
    return { invoiceId }
  })
}

/**
 * A one-time charge (installation fee, device, penalty — rule 16): it joins the customer's next
 * invoice, or with `invoiceNow` gets an invoice of its own, issued at once.
 */
export async function addCharge(
  deps: CoreDeps,
  actor: CompanyActor,
  input: {
    customerId: number
    serviceId: number | null
    description: string
    amount: number
    invoiceNow: boolean
  },
  timeZone: string,
) {
  const date = dateInZone(deps.clock.now(), timeZone)
  return writeTx(deps.db, async (tx) => {
    const customer = await tx
      .selectFrom('customers')
      .select(['id', 'code'])
      .where('id', '=', input.customerId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!customer) throw new AppError('NOT_FOUND', 'customer')
    // The charge is billed with the service it names: only one of this customer's.
    if (input.serviceId !== null) {
      const service = await tx
        .selectFrom('services')
        .select('id')
        .where('id', '=', input.serviceId)
        .where('customer_id', '=', customer.id)
        .executeTakeFirst()
      if (!service) throw new AppError('NOT_FOUND', 'service')
    }
    const at = deps.clock.now().toISOString()
    const charge = await tx
      .insertInto('one_time_charges')
      .values({
        company_id: actor.companyId,
        customer_id: customer.id,
        service_id: input.serviceId,
        description: input.description,
        amount: input.amount,
        charge_date: date,
        status: 'pending',
        invoice_id: null,
        created_by: actor.username,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(tx, deps.clock, actor, {
      action: 'charges.create',
      entityType: 'customer',
      entityId: customer.id,
      after: { description: input.description, amount: input.amount, invoiceNow: input.invoiceNow },
    })
    if (!input.invoiceNow) return { chargeId: charge.id, invoiceId: null, number: null }
    const invoiceId = await insertDraft(
      tx,
      deps,
      actor,
      customer.id,
      [
        {
          description: input.description,
          amount: input.amount,
          chargeId: charge.id,
          serviceId: input.serviceId,
        },
      ],
      date,
    )
    await tx
      .updateTable('one_time_charges')
      .set({ invoice_id: invoiceId })
      .where('id', '=', charge.id)
      .execute()
    const number = await issueDraft(tx, deps, actor, invoiceId, date)
    return { chargeId: charge.id, invoiceId, number }
  })
}

export async function cancelCharge(deps: CoreDeps, actor: CompanyActor, chargeId: number) {
  return writeTx(deps.db, async (tx) => {
    const charge = await tx
      .selectFrom('one_time_charges')
      .select(['id', 'status', 'description', 'amount'])
      .where('id', '=', chargeId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!charge) throw new AppError('NOT_FOUND', 'charge')
    if (charge.status !== 'pending') throw new AppError('INVOICE_IMMUTABLE')
    await tx
      .updateTable('one_time_charges')
      .set({ status: 'cancelled' })
      .where('id', '=', charge.id)
      .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'charges.cancel',
      entityType: 'charge',
      entityId: charge.id,
      before: { description: charge.description, amount: charge.amount, status: 'pending' },
      after: { status: 'cancelled' },
    })
    return { chargeId }
  })
}

export async function listCharges(db: Kysely<Database>, companyId: number, customerId: number) {
  return db
    .selectFrom('one_time_charges')
    .select([
      'id',
      'description',
      'amount',
      'charge_date as chargeDate',
      'status',
      'invoice_id as invoiceId',
      'service_id as serviceId',
      'created_by as createdBy',
    ])
    .where('company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .orderBy('id', 'desc')
    .execute()
}

/** A draft invoice of free lines (a manual invoice); issue or delete it afterwards. */
export async function createDraftInvoice(
  deps: CoreDeps,
  actor: CompanyActor,
  input: { customerId: number; lines: { description: string; amount: number }[] },
  timeZone: string,
) {
  const date = dateInZone(deps.clock.now(), timeZone)
  return writeTx(deps.db, async (tx) => ({
    invoiceId: await insertDraft(
      tx,
      deps,
      actor,
      input.customerId,
      input.lines.map((l) => ({ ...l, chargeId: null, serviceId: null })),
      date,
    ),
  }))
}
