import type { Kysely } from 'kysely'
import { dateInZone } from '@shared/dates'
import { renderTemplate } from '@shared/messaging'
import { customerTemplateValues } from '../collections'
import type { Database } from '../db'
import { loadTemplate, queueMessages, type QueueResult } from '../messaging'

const NOTHING: QueueResult = { queued: 0, skipped: 0, duplicates: 0, byReason: {} }

/**
 * "Keluhan diterima" (on opening, with `{tiket}`) or "keluhan selesai" (on selesai) to the
 * ticket's customer, queued in the ticket's own transaction so the change and its message commit
 * together. The outbox decides as for every other message: the customer's opt-out and the
 * company's switched-on channels (an unreachable customer is recorded as skipped with the
 * reason). A ticket without a customer sends nothing.
 */
export async function queueTicketMessage(
  tx: Kysely<Database>,
  meta: { companyId: number; at: Date; createdBy: string | null; timeZone: string },
  ticket: { id: number; number: string; customerId: number | null },
  kind: 'complaint_received' | 'complaint_resolved',
  dedupeKey: string,
): Promise<QueueResult> {
  if (ticket.customerId === null) return NOTHING
  const customer = await tx
    .selectFrom('customers')
    .select(['id', 'phone', 'whatsapp', 'email', 'messages_opt_out'])
    .where('id', '=', ticket.customerId)
    .where('company_id', '=', meta.companyId)
    .executeTakeFirst()
  if (!customer) return NOTHING
  const [tpl, values] = await Promise.all([
    loadTemplate(tx, meta.companyId, kind),
    customerTemplateValues(tx, meta.companyId, customer.id, dateInZone(meta.at, meta.timeZone)),
  ])
  const filled = { ...values, tiket: ticket.number }
  return queueMessages(
    tx,
    { companyId: meta.companyId, at: meta.at.toISOString(), createdBy: meta.createdBy },
    [
      {
        customerId: customer.id,
        contact: {
          phone: customer.phone,
          whatsapp: customer.whatsapp,
          email: customer.email,
          optOut: customer.messages_opt_out === 1,
        },
        kind,
        subject: renderTemplate(tpl.subject, filled),
        body: renderTemplate(tpl.body, filled),
        dedupeKey,
        refType: 'ticket',
        refId: ticket.id,
      },
    ],
  )
}
