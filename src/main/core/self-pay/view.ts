import type { Db } from '../db'

/** What the isolir page and a pay link show a customer who has not signed in. */
export interface SelfPayView {
  company: { id: number; name: string; phone: string | null; address: string; timeZone: string }
  customer: { id: number; code: string; maskedName: string }
  /** Unpaid first by due date; a link's paid invoices stay listed as paid. */
  invoices: SelfPayInvoice[]
  /** What is still owed on the unpaid ones. */
  total: number
}

export interface SelfPayInvoice {
  id: number
  number: string | null
  period: string | null
  issueDate: string
  dueDate: string
  /** Still owed (0 when paid). */
  amount: number
  paid: boolean
}

/**
 * "Budi Santoso" → "Bu** Sa*****": enough for a customer to recognise their own account on a
 * page anyone behind the same address could open, not enough to learn a neighbour's name.
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) => {
      const chars = [...word]
      const keep = chars.length <= 3 ? 1 : 2
      return chars.slice(0, keep).join('') + '*'.repeat(Math.max(chars.length - keep, 1))
    })
    .join(' ')
}

/**
 * A customer's arrears for the self-service pages: every unpaid invoice (the isolir page), or
 * only `invoiceIds` (a pay link), paid ones included so the page can say "Sudah lunas". Invoices
 * of another customer or company are never in it, whatever `invoiceIds` says.
 */
export async function selfPayView(
  db: Db,
  owner: { companyId: number; customerId: number },
  invoiceIds?: number[],
): Promise<SelfPayView | null> {
  const [company, customer] = await Promise.all([
    db
      .selectFrom('companies')
      .select(['id', 'name', 'phone', 'address', 'time_zone'])
      .where('id', '=', owner.companyId)
      .executeTakeFirst(),
    db
      .selectFrom('customers')
      .select(['id', 'code', 'name'])
      .where('company_id', '=', owner.companyId)
      .where('id', '=', owner.customerId)
      .executeTakeFirst(),
  ])
  if (!company || !customer) return null
  if (invoiceIds && invoiceIds.length === 0) return null
  const rows = await db
    .selectFrom('invoices')
    .select(['id', 'number', 'period', 'issue_date', 'due_date', 'total', 'paid'])
    .where('company_id', '=', owner.companyId)
    .where('customer_id', '=', owner.customerId)
    .where('status', '=', 'issued')
    .$if(invoiceIds !== undefined, (q) => q.where('id', 'in', invoiceIds!))
    .$if(invoiceIds === undefined, (q) => q.whereRef('total', '>', 'paid'))
    .orderBy('due_date')
    .orderBy('id')
    .execute()
  const invoices = rows.map((r) => ({
    id: r.id,
    number: r.number,
    period: r.period,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    amount: Math.max(r.total - r.paid, 0),
    paid: r.paid >= r.total,
  }))
  return {
    company: {
      id: company.id,
      name: company.name,
      phone: company.phone,
      address: company.address,
      timeZone: company.time_zone,
    },
    customer: { id: customer.id, code: customer.code, maskedName: maskName(customer.name) },
    invoices,
    total: invoices.reduce((sum, i) => sum + i.amount, 0),
  }
}
