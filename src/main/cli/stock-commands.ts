import { stockInInput, stockItemInput, warehouseInput } from '@shared/schemas'
import { cliActor } from '../core/audit'
import {
  listStockItems,
  listWarehouses,
  saveStockItem,
  saveWarehouse,
  stockIn,
} from '../core/warehouse'
import type { CommandDef } from './commands'
import { cliDeps, firstCompanyId, withDb } from './db'
import { optionError, schemaError } from './option-errors'
import { count } from './words'

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined)
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/**
 * Gudang from the command line (issue 16): the items with their stock per warehouse, and stock
 * received into a warehouse. The same core services as the API.
 */
export const stockCommands: Record<string, CommandDef> = {
  'stock warehouse': {
    usage: 'stock warehouse --name NAME [--address TEXT]',
    stringOptions: ['name', 'address'],
    run: async ({ dataDir, values, out }) => {
      const parsed = warehouseInput.safeParse({
        name: str(values.name) ?? '',
        address: str(values.address),
      })
      if (!parsed.success) throw schemaError(parsed.error)
      const r = await withDb(dataDir, async (db) => {
        const companyId = await firstCompanyId(db)
        return saveWarehouse(
          cliDeps(db, dataDir),
          { ...cliActor(companyId), companyId },
          parsed.data,
        )
      })
      out.result({ ok: true, ...r }, `Gudang ${parsed.data.name} disimpan.`)
      return 0
    },
  },
  'stock item': {
    usage: 'stock item --name NAME --unit pcs|unit|meter|roll|box [--per-unit] [--min N]',
    stringOptions: ['name', 'unit', 'min'],
    options: { lowThreshold: 'min' },
    run: async ({ dataDir, values, out }) => {
      const parsed = stockItemInput.safeParse({
        name: str(values.name) ?? '',
        unit: str(values.unit),
        serial: values['per-unit'] === true,
        lowThreshold: str(values.min) === undefined ? 0 : Number(str(values.min)),
      })
      if (!parsed.success) throw schemaError(parsed.error)
      const r = await withDb(dataDir, async (db) => {
        const companyId = await firstCompanyId(db)
        return saveStockItem(
          cliDeps(db, dataDir),
          { ...cliActor(companyId), companyId },
          parsed.data,
        )
      })
      out.result({ ok: true, ...r }, `Barang ${parsed.data.name} disimpan.`)
      return 0
    },
  },
  'stock items': {
    usage: 'stock items',
    run: async ({ dataDir, out }) => {
      const { items, warehouses } = await withDb(dataDir, async (db) => {
        const companyId = await firstCompanyId(db)
        return {
          items: await listStockItems(db, companyId),
          warehouses: await listWarehouses(db, companyId),
        }
      })
      const name = (id: number) => warehouses.find((w) => w.id === id)?.name ?? `#${id}`
      const lines = items.map((i) =>
        [
          i.name,
          `${i.inWarehouses} ${i.unit}`,
          i.balances.length
            ? `(${i.balances.map((b) => `${name(b.warehouseId)} ${b.qty}`).join(', ')})`
            : '',
          i.withTechnicians ? `di teknisi ${i.withTechnicians}` : '',
          i.low ? 'STOK MENIPIS' : '',
          i.active ? '' : 'nonaktif',
        ]
          .filter(Boolean)
          .join('  '),
      )
      out.result(
        { ok: true, items },
        items.length
          ? [...lines, `${count(items.length)} barang.`].join('\n')
          : 'Belum ada barang.',
      )
      return 0
    },
  },
  'stock in': {
    usage: 'stock in --item NAME --qty N [--warehouse NAME] [--sn SERIAL]… [--note TEXT]',
    stringOptions: ['item', 'qty', 'warehouse', 'note'],
    listOptions: ['sn'],
    options: { itemId: 'item', warehouseId: 'warehouse', serials: 'sn' },
    run: async ({ dataDir, values, lists, out }) => {
      const itemName = str(values.item)
      if (!itemName) throw optionError('item', 'cli.required')
      if (!str(values.qty)) throw optionError('qty', 'cli.required')
      const result = await withDb(dataDir, async (db) => {
        const deps = cliDeps(db, dataDir)
        const companyId = await firstCompanyId(db)
        const actor = { ...cliActor(companyId), companyId }
        const item = (await listStockItems(db, companyId)).find(
          (i) => i.active && same(i.name, itemName),
        )
        if (!item) throw optionError('item', 'cli.item_not_found', { name: itemName })
        const active = (await listWarehouses(db, companyId)).filter((w) => w.active)
        const wanted = str(values.warehouse)
        const warehouse = wanted
          ? active.find((w) => same(w.name, wanted))
          : active.length === 1
            ? active[0]
            : undefined
        if (!warehouse)
          throw wanted
            ? optionError('warehouse', 'cli.warehouse_not_found', { name: wanted })
            : optionError('warehouse', 'cli.warehouse_choose')
        const parsed = stockInInput.safeParse({
          itemId: item.id,
          warehouseId: warehouse.id,
          qty: Number(str(values.qty)),
          serials: lists.sn ?? [],
          note: str(values.note),
        })
        if (!parsed.success) throw schemaError(parsed.error)
        const r = await stockIn(deps, actor, parsed.data)
        return {
          ...r,
          item: item.name,
          unit: item.unit,
          warehouse: warehouse.name,
          qty: parsed.data.qty,
        }
      })
      out.result(
        { ok: true, ...result },
        `${result.qty} ${result.unit} ${result.item} masuk ke ${result.warehouse}; stok di sana sekarang ${result.balance}.`,
      )
      return 0
    },
  },
}
