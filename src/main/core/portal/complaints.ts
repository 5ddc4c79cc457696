import { AppError } from '@shared/errors'
import type { PortalComplaintInput } from '@shared/schemas'
import type { MessagingDeps } from '../messaging'
import { getTicketSettings, listTickets, openTicket } from '../tickets'
import { portalActor, type PortalClient, type PortalCustomer } from './sessions'

/**
 * Keluhan: a complaint becomes a ticket with medium `portal` (normal priority, for the office to
 * raise), and the customer follows its status; the ticket sends "keluhan diterima" / "keluhan
 * selesai" as any ticket does.
 */
export async function portalComplaintCategories({ db }: MessagingDeps, c: PortalCustomer) {
  const settings = await getTicketSettings(db, c.companyId)
  return settings.categories.filter((k) => k.active).map((k) => ({ key: k.key, label: k.label }))
}

export async function createPortalComplaint(
  deps: MessagingDeps,
  c: PortalCustomer,
  client: PortalClient,
  input: PortalComplaintInput,
) {
  if (input.serviceId !== null) {
    const service = await deps.db
      .selectFrom('services')
      .select('id')
      .where('id', '=', input.serviceId)
      .where('customer_id', '=', c.customerId)
      .executeTakeFirst()
    if (!service) throw new AppError('NOT_FOUND', 'service')
  }
  const ticket = await openTicket(
    deps,
    portalActor(c, client),
    {
      customerId: c.customerId,
      serviceId: input.serviceId,
      category: input.category,
      priority: 'sedang',
      medium: 'portal',
      title: input.title,
      description: input.description,
      assigneeId: null,
      deviceSerial: null,
      picName: null,
      picPhone: null,
    },
    c.timeZone,
  )
  return { id: ticket.id, number: ticket.number, status: ticket.status }
}

export async function portalComplaints(deps: MessagingDeps, c: PortalCustomer) {
  const rows = await listTickets(deps, c.companyId, { customerId: c.customerId })
  return rows.map((t) => ({
    id: t.id,
    number: t.number,
    title: t.title,
    category: t.categoryLabel,
    status: t.status,
    medium: t.medium,
    createdAt: t.createdAt,
    resolvedAt: t.resolvedAt,
  }))
}
