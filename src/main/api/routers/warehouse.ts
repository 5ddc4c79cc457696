import {
  adjustStock,
  createStockRequest,
  decideStockRequest,
  exportStockCard,
  issueStock,
  issueStockRequest,
  listSerials,
  listStockItems,
  listStockRequests,
  listWarehouses,
  returnStock,
  saveStockItem,
  saveWarehouse,
  stockCard,
  stockIn,
  stockPeople,
  technicianStock,
  useStock,
} from '@core/warehouse'
import {
  createStockRequestInput,
  decideStockRequestInput,
  idSchema,
  issueStockRequestInput,
  stockAdjustInput,
  stockCardInput,
  stockInInput,
  stockIssueInput,
  stockItemInput,
  stockRequestListInput,
  stockReturnInput,
  useStockInput,
  warehouseInput,
} from '@shared/schemas'
import { AppError } from '@shared/errors'
import { z } from 'zod'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

/**
 * Gudang: items, warehouses and their stock, requests from installations and tickets, issues
 * to technicians, returns, serial numbers and the stock card. Thin over core/warehouse.
 */
export const warehouseRouter = router({
  items: procedure('warehouse.view').query(({ ctx }) =>
    listStockItems(ctx.services.db, ctx.user.companyId),
  ),
  saveItem: procedure('warehouse.manage')
    .input(stockItemInput)
    .mutation(({ ctx, input }) => saveStockItem(ctx.services, ctx.actor, input)),
  warehouses: procedure('warehouse.view').query(({ ctx }) =>
    listWarehouses(ctx.services.db, ctx.user.companyId),
  ),
  saveWarehouse: procedure('warehouse.manage')
    .input(warehouseInput)
    .mutation(({ ctx, input }) => saveWarehouse(ctx.services, ctx.actor, input)),
  /** Active users stock can be issued to (technicians first). */
  people: procedure('warehouse.view').query(({ ctx }) =>
    stockPeople(ctx.services.db, ctx.user.companyId),
  ),
  stockIn: procedure('warehouse.manage')
    .input(stockInInput)
    .mutation(({ ctx, input }) => stockIn(ctx.services, ctx.actor, input)),
  issue: procedure('warehouse.manage')
    .input(stockIssueInput)
    .mutation(({ ctx, input }) => issueStock(ctx.services, ctx.actor, input)),
  return: procedure('warehouse.manage')
    .input(stockReturnInput)
    .mutation(({ ctx, input }) => returnStock(ctx.services, ctx.actor, input)),
  adjust: procedure('warehouse.manage')
    .input(stockAdjustInput)
    .mutation(({ ctx, input }) => adjustStock(ctx.services, ctx.actor, input)),
  /**
   * What was used on a job. A technician records his own use (from his hand); using for
   * someone else, or straight from a warehouse, needs warehouse.manage.
   */
  use: procedure('warehouse.view')
    .input(useStockInput)
    .mutation(({ ctx, input }) => {
      const own = input.technicianId === ctx.user.userId && input.warehouseId === null
      if (!own && !ctx.user.permissions.has('warehouse.manage'))
        throw new AppError('FORBIDDEN', 'use for another technician', {
          permission: 'warehouse.manage',
        })
      return useStock(ctx.services, ctx.actor, input)
    }),
  /** What a technician holds now; without `userId`, the signed-in user's own. */
  held: procedure('warehouse.view')
    .input(z.object({ userId: idSchema.nullable().default(null) }))
    .query(({ ctx, input }) =>
      technicianStock(ctx.services.db, ctx.user.companyId, input.userId ?? ctx.user.userId),
    ),
  requests: procedure('warehouse.view')
    .input(stockRequestListInput)
    .query(({ ctx, input }) => listStockRequests(ctx.services.db, ctx.user.companyId, input)),
  createRequest: procedure(['warehouse.view', 'tickets.manage'])
    .input(createStockRequestInput)
    .mutation(({ ctx, input }) => createStockRequest(ctx.services, ctx.actor, input)),
  decideRequest: procedure('warehouse.manage')
    .input(decideStockRequestInput)
    .mutation(({ ctx, input }) => decideStockRequest(ctx.services, ctx.actor, input)),
  issueRequest: procedure('warehouse.manage')
    .input(issueStockRequestInput)
    .mutation(({ ctx, input }) => issueStockRequest(ctx.services, ctx.actor, input)),
  serials: procedure('warehouse.view')
    .input(
      z.object({
        itemId: idSchema.nullable().default(null),
        search: z.string().trim().max(60).nullable().default(null),
      }),
    )
    .query(({ ctx, input }) => listSerials(ctx.services.db, ctx.user.companyId, input)),
  card: procedure('warehouse.view')
    .input(stockCardInput)
    .query(async ({ ctx, input }) =>
      stockCard(ctx.services.db, ctx.user.companyId, input, await timeZoneOf(ctx)),
    ),
  exportCard: procedure('warehouse.view')
    .input(z.object({ card: stockCardInput, format: z.enum(['xlsx', 'pdf']) }))
    .mutation(async ({ ctx, input }) => {
      const file = await exportStockCard(
        ctx.services.db,
        ctx.user.companyId,
        input.card,
        input.format,
        {
          now: ctx.services.clock.now(),
          timeZone: await timeZoneOf(ctx),
        },
      )
      return { fileName: file.fileName, contentBase64: file.data.toString('base64') }
    }),
})
