import {
  createArea,
  createProduct,
  listAreas,
  listPops,
  listPriceLists,
  listProducts,
  productPriceHistory,
  savePop,
  savePriceList,
  updateArea,
  updateProduct,
} from '@core/catalog'
import {
  areaInput,
  areaUpdateInput,
  idSchema,
  popInput,
  popUpdateInput,
  priceListInput,
  priceListUpdateInput,
  productInput,
  productUpdateInput,
} from '@shared/schemas'
import { z } from 'zod'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

/** Lists the customer screens need too (package and area pickers): readable with either permission. */
const READ = ['catalog.view', 'customers.view'] as const

export const catalogRouter = router({
  areas: procedure(READ).query(({ ctx }) => listAreas(ctx.services, ctx.user.companyId)),
  createArea: procedure('catalog.manage')
    .input(areaInput)
    .mutation(({ ctx, input }) => createArea(ctx.services, ctx.actor, input)),
  updateArea: procedure('catalog.manage')
    .input(areaUpdateInput)
    .mutation(({ ctx, input }) => updateArea(ctx.services, ctx.actor, input)),
  pops: procedure(READ).query(({ ctx }) => listPops(ctx.services, ctx.user.companyId)),
  savePop: procedure('catalog.manage')
    .input(z.union([popUpdateInput, popInput]))
    .mutation(({ ctx, input }) => savePop(ctx.services, ctx.actor, input)),
  products: procedure(READ).query(({ ctx }) => listProducts(ctx.services, ctx.user.companyId)),
  createProduct: procedure('catalog.manage')
    .input(productInput)
    .mutation(async ({ ctx, input }) =>
      createProduct(ctx.services, ctx.actor, input, await timeZoneOf(ctx)),
    ),
  updateProduct: procedure('catalog.manage')
    .input(productUpdateInput)
    .mutation(async ({ ctx, input }) =>
      updateProduct(ctx.services, ctx.actor, input, await timeZoneOf(ctx)),
    ),
  priceHistory: procedure('catalog.view')
    .input(z.object({ productId: idSchema }))
    .query(({ ctx, input }) =>
      productPriceHistory(ctx.services, ctx.user.companyId, input.productId),
    ),
  priceLists: procedure(READ).query(({ ctx }) => listPriceLists(ctx.services, ctx.user.companyId)),
  savePriceList: procedure('catalog.manage')
    .input(z.union([priceListUpdateInput, priceListInput]))
    .mutation(({ ctx, input }) => savePriceList(ctx.services, ctx.actor, input)),
})
