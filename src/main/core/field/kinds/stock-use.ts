import { AppError } from '@shared/errors'
import { stockUsePayload } from '@shared/schemas'
import { useStock } from '../../warehouse'
import { defineFieldKind } from '../kind'

/**
 * `stock.use`: items the technician used on a task, from his own hand — as the warehouse API
 * allows him without warehouse.manage (`technicianId` is the sender, no warehouse). With a
 * ticket, the use goes to that ticket's customer and service (even if the office closed it
 * meanwhile: the cable is in the customer's wall either way). The command's UUID is the
 * ledger batch, so a replay writes nothing; not enough in hand (STOCK_INSUFFICIENT) or a serial
 * he does not hold (STOCK_SERIAL_INVALID) come back as the conflict's reason.
 */
export const stockUse = defineFieldKind({
  kind: 'stock.use',
  permission: 'warehouse.view',
  module: 'warehouse',
  payload: stockUsePayload,
  apply: async (tx, { deps, caller, commandId }, p) => {
    let link = { serviceId: p.serviceId, customerId: p.customerId }
    if (p.ticketId !== null) {
      const ticket = await tx
        .selectFrom('tickets')
        .select(['customer_id', 'service_id'])
        .where('id', '=', p.ticketId)
        .where('company_id', '=', caller.actor.companyId)
        .executeTakeFirst()
      if (!ticket) throw new AppError('NOT_FOUND', `ticket ${p.ticketId}`)
      link = { serviceId: ticket.service_id, customerId: ticket.customer_id }
    }
    const used = await useStock(
      deps,
      caller.actor,
      {
        itemId: p.itemId,
        technicianId: caller.actor.userId,
        warehouseId: null,
        qty: p.qty,
        serials: p.serials,
        ...link,
        note: p.note,
      },
      commandId,
      tx,
    )
    return {
      result: {
        itemId: p.itemId,
        qty: p.qty,
        left: used.balance,
        serials: used.serials,
        ticketId: p.ticketId,
      },
    }
  },
})
