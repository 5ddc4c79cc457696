import type { CalendarDate } from '@shared/dates'
import { AppError } from '@shared/errors'
import type { TemplateValues } from '@shared/messaging'
import type { Db } from '../db'
import type { SecretBox } from '../secrets'
import { loadCompany, loadCustomers, loadServiceInfo, openInvoices } from './data'
import { dateText, invoiceValues, type InvoiceLine } from './format'
import { getCollectionSettings } from './settings'
import { payLinks } from '../pay-links'

/**
 * Every template variable for one customer as of a day, from real data: what they owe now
 * (their open invoices; a customer who owes nothing shows their latest invoice instead), their
 * package and login, the company. `password`, `otp` and `tiket` belong to the event that sends
 * them (a new account, a sign-in, a complaint) and are left to the caller.
 */
export async function customerTemplateValues(
  db: Db,
  companyId: number,
  customerId: number,
  asOf: string,
  /** The data directory's key, to sign `{link_bayar}`; without it the link is left empty. */
  secrets?: SecretBox,
): Promise<TemplateValues> {
  const customers = await loadCustomers(db, companyId, [customerId])
  const customer = customers.get(customerId)
  if (!customer) throw new AppError('NOT_FOUND', 'customer')
  const [settings, company, open, services] = await Promise.all([
    getCollectionSettings(db, companyId),
    loadCompany(db, companyId),
    openInvoices(db, companyId, { customerIds: [customerId] }),
    loadServiceInfo(db, companyId, [customerId]),
  ])
  let lines: InvoiceLine[] = open.get(customerId) ?? []
  if (lines.length === 0) {
    const latest = await db
      .selectFrom('invoices')
      .select(['id', 'number', 'period', 'issue_date', 'due_date', 'total'])
      .where('company_id', '=', companyId)
      .where('customer_id', '=', customerId)
      .where('status', '=', 'issued')
      .orderBy('issue_date', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst()
    lines = latest
      ? [
          {
            id: latest.id,
            number: latest.number,
            period: latest.period,
            issueDate: latest.issue_date,
            dueDate: latest.due_date,
            amount: latest.total,
          },
        ]
      : []
  }
  const service = services.get(customerId)
  return {
    ...invoiceValues(
      company,
      payLinks(secrets ?? null, companyId, settings.paymentLinkBase),
      customer,
      lines,
      lines[0]?.dueDate ?? null,
    ),
    paket: service?.paket ?? '',
    username: service?.username ?? '',
    tanggal: dateText(asOf as CalendarDate),
  }
}
