import type { z } from 'zod'
import { AppError } from '@shared/errors'
import type { priceListInput, priceListUpdateInput } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { writeTx } from '../db'
import { assertOwnArea } from './areas'
import type { CoreDeps } from '../deps'

export interface PriceListView {
  id: number
  name: string
  areaId: number | null
  active: boolean
  items: { productId: number; price: number }[]
}

export async function listPriceLists(
  { db }: CoreDeps,
  companyId: number,
): Promise<PriceListView[]> {
  const lists = await db
    .selectFrom('price_lists')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('name')
    .execute()
  const items = await db
    .selectFrom('price_list_items')
    .innerJoin('price_lists', 'price_lists.id', 'price_list_items.price_list_id')
    .select(['price_list_id', 'product_id', 'price'])
    .where('price_lists.company_id', '=', companyId)
    .execute()
  return lists.map((l) => ({
    id: l.id,
    name: l.name,
    areaId: l.area_id,
    active: l.active === 1,
    items: items
      .filter((i) => i.price_list_id === l.id)
      .map((i) => ({ productId: i.product_id, price: i.price })),
  }))
}

/** Creates or replaces a price list with its special prices (for an area or a community). */
export async function savePriceList(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  input: z.output<typeof priceListInput> | z.output<typeof priceListUpdateInput>,
): Promise<PriceListView> {
  const id = await writeTx(deps.db, async (tx) => {
    let dup = tx
      .selectFrom('price_lists')
      .select('id')
      .where('company_id', '=', actor.companyId)
      .where('name', '=', input.name)
    if ('id' in input) dup = dup.where('id', '!=', input.id)
    if (await dup.executeTakeFirst())
      throw new AppError('NAME_TAKEN', undefined, { name: input.name })
    await assertOwnArea(tx, actor.companyId, input.areaId)
    const products = await tx
      .selectFrom('products')
      .select('id')
      .where('company_id', '=', actor.companyId)
      .execute()
    const known = new Set(products.map((p) => p.id))
    if (input.items.some((i) => !known.has(i.productId))) throw new AppError('NOT_FOUND', 'product')
    const now = deps.clock.now().toISOString()
    const active = 'active' in input ? (input.active ? 1 : 0) : 1
    let listId: number
    let before: unknown = null
    if ('id' in input) {
      const existing = await tx
        .selectFrom('price_lists')
        .selectAll()
        .where('id', '=', input.id)
        .where('company_id', '=', actor.companyId)
        .executeTakeFirst()
      if (!existing) throw new AppError('NOT_FOUND', 'price_list')
      before = {
        name: existing.name,
        items: await tx
          .selectFrom('price_list_items')
          .select(['product_id', 'price'])
          .where('price_list_id', '=', existing.id)
          .execute(),
      }
      await tx
        .updateTable('price_lists')
        .set({ name: input.name, area_id: input.areaId, active, updated_at: now })
        .where('id', '=', existing.id)
        .execute()
      await tx.deleteFrom('price_list_items').where('price_list_id', '=', existing.id).execute()
      listId = existing.id
    } else {
      const row = await tx
        .insertInto('price_lists')
        .values({
          company_id: actor.companyId,
          name: input.name,
          area_id: input.areaId,
          active,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      listId = row.id
    }
    if (input.items.length) {
      await tx
        .insertInto('price_list_items')
        .values(
          input.items.map((i) => ({
            price_list_id: listId,
            product_id: i.productId,
            price: i.price,
          })),
        )
        .execute()
    }
    await appendAudit(tx, deps.clock, actor, {
      action: 'id' in input ? 'price_lists.update' : 'price_lists.create',
      entityType: 'price_list',
      entityId: listId,
      before: before as Record<string, unknown> | null,
      after: {
        name: input.name,
        area_id: input.areaId,
        items: input.items.map((i) => ({ product_id: i.productId, price: i.price })),
      },
    })
    return listId
  })
  return (await listPriceLists(deps, actor.companyId)).find((l) => l.id === id)!
}
