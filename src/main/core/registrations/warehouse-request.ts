import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../db'
import { createStockRequest } from '../warehouse'
import type { RegistrationActor, RegistrationDeps, RegistrationRow } from './registrations'

interface AskedItem {
  name: string
  quantity: number
  unit: string | null
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/**
 * The installation step's items, asked from Gudang (Gudang → Permintaan, `forKind`
 * 'installation', `forId` the card) in the step's own transaction. The board's form names items
 * and the warehouse as text: they are matched by name (case aside) to Gudang's active items and
 * warehouses (the only active warehouse when none is named). Items Gudang does not know are
 * listed in the request's note; nothing is asked when no item or no warehouse matches (the list
 * stays on the card). A card that already has a request still open or done keeps it: scheduling
 * the visit again does not ask twice.
 */
export async function requestInstallationItems(
  tx: Kysely<Database>,
  deps: RegistrationDeps,
  actor: RegistrationActor,
  card: RegistrationRow,
  warehouseName: string | null,
  technicianId: number | null,
  asked: readonly AskedItem[],
): Promise<number | null> {
  if (asked.length === 0) return null
  const earlier = await tx
    .selectFrom('stock_requests')
    .select('id')
    .where('company_id', '=', actor.companyId)
    .where('for_kind', '=', 'installation')
    .where('for_id', '=', card.id)
    .where('status', '!=', 'ditolak')
    .executeTakeFirst()
  if (earlier) return earlier.id
  const warehouses = await tx
    .selectFrom('warehouses')
    .select(['id', 'name'])
    .where('company_id', '=', actor.companyId)
    .where('active', '=', 1)
    .execute()
  const warehouse = warehouseName
    ? warehouses.find((w) => same(w.name, warehouseName))
    : warehouses.length === 1
      ? warehouses[0]
      : undefined
  if (!warehouse) return null
  const items = await tx
    .selectFrom('stock_items')
    .select(['id', 'name'])
    .where('company_id', '=', actor.companyId)
    .where('active', '=', 1)
    .where(
      sql<string>`lower(name)`,
      'in',
      asked.map((a) => a.name.trim().toLowerCase()),
    )
    .execute()
  const lines = new Map<number, number>()
  const unknown: string[] = []
  for (const a of asked) {
    const item = items.find((i) => same(i.name, a.name))
    if (!item) unknown.push(a.name)
    else lines.set(item.id, (lines.get(item.id) ?? 0) + Math.ceil(a.quantity))
  }
  if (lines.size === 0) return null
  const note = unknown.length
    ? `Instalasi; tidak ada di daftar barang: ${unknown.join(', ')}`.slice(0, 200)
    : null
  const { id } = await createStockRequest(
    deps,
    actor,
    {
      forKind: 'installation',
      forId: card.id,
      warehouseId: warehouse.id,
      technicianId,
      customerId: card.customer_id,
      serviceId: card.service_id,
      lines: [...lines].map(([itemId, qty]) => ({ itemId, qty })),
      note,
    },
    tx,
  )
  return id
}
