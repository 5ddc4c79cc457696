import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import type { PortalInvoiceFilter, PortalProfileInput } from '@shared/schemas'
import { appendAudit } from '../audit'
import { getInvoice, invoicePdf, listInvoices } from '../billing'
import { writeTx } from '../db'
import type { CoreDeps } from '../deps'
import { customerPaymentHistory } from '../reports'
import { portalActor, type PortalClient, type PortalCustomer } from './sessions'
import { getPortalSettings, portalCompany } from './settings'

/**
 * What a signed-in customer reads and changes of their own account: invoices (never a draft,
 * never one dated after today), an invoice's detail and PDF, payments by year, services, the
 * company's contacts and the profile. Every query is scoped to the session's customer.
 */
const STATUS_OF: Record<PortalInvoiceFilter, ('belum_bayar' | 'sebagian' | 'lunas')[]> = {
  unpaid: ['belum_bayar', 'sebagian'],
  paid: ['lunas'],
  all: ['belum_bayar', 'sebagian', 'lunas'],
}

export async function portalInvoices(
  { db, clock }: CoreDeps,
  c: PortalCustomer,
  filter: PortalInvoiceFilter,
) {
  const today = dateInZone(clock.now(), c.timeZone)
  const list = await listInvoices(
    db,
    c.companyId,
    { customerId: c.customerId, issue: 'issued', cursor: 0, limit: 500 },
    today,
  )
  const rows = list.rows
    .filter((r) => r.status === 'issued' && STATUS_OF[filter].includes(r.paymentStatus as never))
    .map((r) => ({
      id: r.id,
      number: r.number,
      period: r.period,
      issueDate: r.issueDate,
      dueDate: r.dueDate,
      total: r.total,
      paid: r.paid,
      balance: r.balance,
      paymentStatus: r.paymentStatus,
      overdue: r.balance > 0 && r.dueDate < today,
    }))
  return { today, rows, unpaidTotal: rows.reduce((s, r) => s + r.balance, 0) }
}

/** One of the customer's own issued invoices, or NOT_FOUND (another's reads as not there). */
async function ownInvoice(deps: CoreDeps, c: PortalCustomer, invoiceId: number) {
  const today = dateInZone(deps.clock.now(), c.timeZone)
  const invoice = await getInvoice(deps.db, c.companyId, invoiceId, today)
  if (!invoice || invoice.customerId !== c.customerId || invoice.status !== 'issued')
    throw new AppError('NOT_FOUND', 'invoice')
  if (invoice.upcoming) throw new AppError('NOT_FOUND', 'invoice')
  return invoice
}

export async function portalInvoice(deps: CoreDeps, c: PortalCustomer, invoiceId: number) {
  const i = await ownInvoice(deps, c, invoiceId)
  return {
    id: i.id,
    number: i.number,
    period: i.period,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    paymentStatus: i.paymentStatus,
    customer: i.customer,
    lines: i.lines.map((l) => ({
      id: l.id,
      description: l.description,
      sid: l.sid,
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      amount: l.amount,
    })),
    subtotal: i.subtotal,
    taxLabel: i.taxLabel,
    tax: i.tax,
    rounding: i.rounding,
    total: i.total,
    paid: i.paid,
    balance: i.balance,
    payments: i.allocations
      .filter((a) => !a.reversedAt)
      .map((a) => ({
        date: a.date,
        amount: a.amount,
        number: a.paymentNumber ?? a.creditNoteNumber,
        method: a.method,
      })),
  }
}

export async function portalInvoicePdf(deps: CoreDeps, c: PortalCustomer, invoiceId: number) {
  await ownInvoice(deps, c, invoiceId)
  const file = await invoicePdf(deps.db, c.companyId, invoiceId)
  if (!file) throw new AppError('NOT_FOUND', 'invoice')
  return { fileName: file.fileName, contentBase64: file.data.toString('base64') }
}

export function portalHistory(deps: CoreDeps, c: PortalCustomer, year: number) {
  return customerPaymentHistory(deps.db, c.companyId, { customerId: c.customerId, year })
}

/**
 * The customer's services: status, package and speed. Loket keeps no usage figures yet, so
 * there is no usage to show (the page leaves the column out rather than show zeros).
 */
export async function portalServices({ db }: CoreDeps, c: PortalCustomer) {
  const rows = await db
    .selectFrom('services as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .select([
      's.id',
      's.sid',
      's.status',
      's.activation_date as activationDate',
      's.installation_address as installationAddress',
      'p.name as packageName',
      'p.service_type as serviceType',
      'p.download_kbps as downloadKbps',
      'p.upload_kbps as uploadKbps',
    ])
    .where('s.customer_id', '=', c.customerId)
    .where('s.company_id', '=', c.companyId)
    .orderBy('s.id')
    .execute()
  return rows
}

export async function portalContacts({ db }: CoreDeps) {
  const company = await portalCompany(db)
  if (!company) throw new AppError('NOT_FOUND', 'company')
  const settings = await getPortalSettings(db, company.id)
  return {
    name: company.name,
    address: company.address,
    phone: company.phone,
    email: company.email,
    whatsapp: settings.supportWhatsapp ?? null,
    hours: settings.supportHours ?? null,
  }
}

export async function portalProfile({ db }: CoreDeps, c: PortalCustomer) {
  const row = await db
    .selectFrom('customers')
    .select(['code', 'name', 'phone', 'whatsapp', 'email', 'address', 'address_note', 'status'])
    .where('id', '=', c.customerId)
    .executeTakeFirstOrThrow()
  return {
    code: row.code,
    name: row.name,
    whatsapp: row.whatsapp ?? row.phone,
    email: row.email,
    address: row.address,
    addressNote: row.address_note,
    status: row.status,
  }
}

/** E-mail and the address note; the rest is the office's to change. */
export async function savePortalProfile(
  deps: CoreDeps,
  c: PortalCustomer,
  client: PortalClient,
  input: PortalProfileInput,
) {
  return writeTx(deps.db, async (tx) => {
    const before = await tx
      .selectFrom('customers')
      .select(['email', 'address_note'])
      .where('id', '=', c.customerId)
      .executeTakeFirstOrThrow()
    await tx
      .updateTable('customers')
      .set({
        email: input.email,
        address_note: input.addressNote,
        updated_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', c.customerId)
      .execute()
    await appendAudit(tx, deps.clock, portalActor(c, client), {
      action: 'portal.profile',
      entityType: 'customer',
      entityId: c.customerId,
      before: { email: before.email, addressNote: before.address_note },
      after: { email: input.email, addressNote: input.addressNote },
    })
    return { ok: true as const }
  })
}
