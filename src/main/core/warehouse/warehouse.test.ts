import { describe, expect, it } from 'vitest'
import { billingFixture } from '../billing/testing'
import { grantWarehousePermissions } from '../db/migrations/202612070201_warehouse'
import { listNotifications } from '../notifications'
import { permissionsOfRole } from '../roles'
import {
  adjustStock,
  createStockRequest,
  decideStockRequest,
  issueStock,
  issueStockRequest,
  listSerials,
  listStockItems,
  listStockRequests,
  returnStock,
  saveStockItem,
  saveWarehouse,
  stockCard,
  stockIn,
  technicianStock,
  useStock,
} from './index'

async function fixture() {
  const f = await billingFixture('2026-12-01T03:00:00Z')
  const tech = async (username: string) =>
    (
      await f.db
        .insertInto('users')
        .values({
          company_id: f.companyId,
          name: `Teknisi ${username}`,
          username,
          phone: null,
          email: null,
          role: 'technician',
          password_hash: 'x',
          must_change_password: 0,
          active: 1,
          created_at: '2026-12-01T00:00:00Z',
          updated_at: '2026-12-01T00:00:00Z',
          password_changed_at: null,
          deactivated_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const gudang = (await saveWarehouse(f.deps, f.actor, { name: 'Gudang Pusat', address: null })).id
  const item = async (name: string, o: { unit?: string; serial?: boolean; low?: number } = {}) =>
    (
      await saveStockItem(f.deps, f.actor, {
        name,
        unit: (o.unit ?? 'pcs') as 'pcs',
        serial: o.serial ?? false,
        lowThreshold: o.low ?? 0,
        active: true,
      })
    ).id
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: { code?: string }) => e.code ?? String(e),
    )
  const balance = async (itemId: number, holderKind = 'warehouse', holderId = gudang) =>
    (
      await f.db
        .selectFrom('stock_balances')
        .select('qty')
        .where('item_id', '=', itemId)
        .where('holder_kind', '=', holderKind)
        .where('holder_id', '=', holderId)
        .executeTakeFirst()
    )?.qty ?? 0
  return { ...f, tech, gudang, item, code, balance }
}

describe('warehouse stock', () => {
  it('never goes negative, even with eight issues of the last five at once', async () => {
    const f = await fixture()
    const konektor = await f.item('Konektor SC/UPC')
    const budi = await f.tech('budi')
    await stockIn(f.deps, f.actor, { itemId: konektor, warehouseId: f.gudang, qty: 5 })
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        f.code(
          issueStock(f.deps, f.actor, {
            itemId: konektor,
            warehouseId: f.gudang,
            technicianId: budi,
            qty: 1,
          }),
        ),
      ),
    )
    expect(results.filter((r) => r === 'ok')).toHaveLength(5)
    expect(results.filter((r) => r === 'STOCK_INSUFFICIENT')).toHaveLength(3)
    expect(await f.balance(konektor)).toBe(0)
    expect(await f.balance(konektor, 'technician', budi)).toBe(5)
    // The ledger explains every unit: 5 in, 5 out of the warehouse, none below zero.
    const card = await stockCard(f.db, f.companyId, { itemId: konektor }, f.tz)
    expect(card.lines.map((l) => l.balance)).toEqual([5, 4, 3, 2, 1, 0])
    expect(card.lines.every((l) => l.balance >= 0)).toBe(true)
  })

  it('a short issue is refused with STOCK_INSUFFICIENT naming the item, the place and what is left', async () => {
    const f = await fixture()
    const kabel = await f.item('Kabel dropcore', { unit: 'meter' })
    const budi = await f.tech('budi')
    await stockIn(f.deps, f.actor, { itemId: kabel, warehouseId: f.gudang, qty: 100 })
    const error = await issueStock(f.deps, f.actor, {
      itemId: kabel,
      warehouseId: f.gudang,
      technicianId: budi,
      qty: 150,
    }).catch((e: { code: string; details: Record<string, unknown> }) => e)
    expect(error).toMatchObject({
      code: 'STOCK_INSUFFICIENT',
      details: {
        item: 'Kabel dropcore',
        holder: 'gudang Gudang Pusat',
        available: 100,
        requested: 150,
        unit: 'meter',
      },
    })
    expect(await f.balance(kabel)).toBe(100)
  })

  it('request flow: diminta → disetujui → dikeluarkan moves stock to the technician, linked to the service', async () => {
    const f = await fixture()
    const ont = await f.item('ONT ZTE F609', { serial: true })
    const kabel = await f.item('Kabel dropcore', { unit: 'meter' })
    const budi = await f.tech('budi')
    const andi = await f.customer('Andi Wijaya')
    await stockIn(f.deps, f.actor, {
      itemId: ont,
      warehouseId: f.gudang,
      qty: 2,
      serials: ['zte001', 'ZTE002'],
    })
    await stockIn(f.deps, f.actor, { itemId: kabel, warehouseId: f.gudang, qty: 300 })
    const { id } = await createStockRequest(f.deps, f.actor, {
      forKind: 'installation',
      forId: 41,
      warehouseId: f.gudang,
      technicianId: budi,
      serviceId: andi.serviceId,
      lines: [
        { itemId: ont, qty: 1 },
        { itemId: kabel, qty: 80 },
      ],
    })
    // Not approved yet: it cannot be issued.
    expect(await f.code(issueStockRequest(f.deps, f.actor, { id }))).toBe(
      'STOCK_REQUEST_STATUS_REFUSED',
    )
    expect((await decideStockRequest(f.deps, f.actor, { id, approve: true })).status).toBe(
      'disetujui',
    )
    expect(await f.code(decideStockRequest(f.deps, f.actor, { id, approve: true }))).toBe(
      'STOCK_REQUEST_STATUS_REFUSED',
    )
    await issueStockRequest(f.deps, f.actor, { id, serials: { [ont]: ['ZTE001'] } })
    const [request] = await listStockRequests(f.db, f.companyId, {
      forKind: 'installation',
      forId: 41,
    })
    expect(request).toMatchObject({
      status: 'dikeluarkan',
      technicianName: 'Teknisi budi',
      customerName: 'Andi Wijaya',
      requestedBy: 'owner',
      issuedBy: 'owner',
    })
    expect(await f.balance(kabel)).toBe(220)
    expect(await technicianStock(f.db, f.companyId, budi)).toEqual([
      { itemId: kabel, name: 'Kabel dropcore', unit: 'meter', qty: 80, serials: [] },
      { itemId: ont, name: 'ONT ZTE F609', unit: 'pcs', qty: 1, serials: ['ZTE001'] },
    ])
    const lines = await f.db
      .selectFrom('stock_movements')
      .selectAll()
      .where('request_id', '=', id)
      .execute()
    expect(lines.every((l) => l.service_id === andi.serviceId)).toBe(true)
    expect(lines.every((l) => l.customer_id === andi.customerId)).toBe(true)
    // Issued once: a second issue is refused and moves nothing.
    expect(await f.code(issueStockRequest(f.deps, f.actor, { id }))).toBe(
      'STOCK_REQUEST_STATUS_REFUSED',
    )
    expect(await f.balance(kabel)).toBe(220)
  })

  it('a rejected request needs a reason; a short approved request stays approved and moves nothing', async () => {
    const f = await fixture()
    const kabel = await f.item('Kabel dropcore', { unit: 'meter' })
    const klem = await f.item('Klem kabel')
    const budi = await f.tech('budi')
    await stockIn(f.deps, f.actor, { itemId: kabel, warehouseId: f.gudang, qty: 50 })
    const ask = () =>
      createStockRequest(f.deps, f.actor, {
        forKind: 'ticket',
        forId: 7,
        warehouseId: f.gudang,
        technicianId: budi,
        lines: [
          { itemId: kabel, qty: 30 },
          { itemId: klem, qty: 10 },
        ],
      })
    const a = await ask()
    expect(
      await f.code(decideStockRequest(f.deps, f.actor, { id: a.id, approve: false })),
    ).toContain('validation.reject_reason_required')
    await decideStockRequest(f.deps, f.actor, { id: a.id, approve: false, reason: 'double' })
    const b = await ask()
    await decideStockRequest(f.deps, f.actor, { id: b.id, approve: true })
    expect(await f.code(issueStockRequest(f.deps, f.actor, { id: b.id }))).toBe(
      'STOCK_INSUFFICIENT',
    )
    expect(await f.balance(kabel)).toBe(50)
    const list = await listStockRequests(f.db, f.companyId, { forKind: 'ticket', forId: 7 })
    expect(list.map((r) => [r.id, r.status, r.reason])).toEqual([
      [b.id, 'disetujui', null],
      [a.id, 'ditolak', 'double'],
    ])
  })

  it("a serial unit is followed from the warehouse to the technician to the customer's service", async () => {
    const f = await fixture()
    const ont = await f.item('ONT Huawei HG8245H', { serial: true })
    const budi = await f.tech('budi')
    const andi = await f.customer('Andi Wijaya')
    await stockIn(f.deps, f.actor, {
      itemId: ont,
      warehouseId: f.gudang,
      qty: 2,
      serials: ['HWTC1111', 'HWTC2222'],
    })
    // A serial item names one serial per unit, and only units really there.
    expect(
      await f.code(
        issueStock(f.deps, f.actor, {
          itemId: ont,
          warehouseId: f.gudang,
          technicianId: budi,
          qty: 1,
          serials: ['HWTC9999'],
        }),
      ),
    ).toBe('STOCK_SERIAL_INVALID')
    await issueStock(f.deps, f.actor, {
      itemId: ont,
      warehouseId: f.gudang,
      technicianId: budi,
      qty: 1,
      serials: ['hwtc1111'],
    })
    const place = async () =>
      (await listSerials(f.db, f.companyId, { search: '1111' })).map((s) => [
        s.place,
        s.placeName,
        s.serviceId,
      ])
    expect(await place()).toEqual([['technician', 'Teknisi budi', null]])
    const used = await useStock(f.deps, f.actor, {
      itemId: ont,
      technicianId: budi,
      qty: 1,
      serials: ['HWTC1111'],
      serviceId: andi.serviceId,
    })
    expect(used.serials).toEqual(['HWTC1111'])
    expect(await place()).toEqual([['customer', 'Andi Wijaya', andi.serviceId]])
    expect(await f.balance(ont, 'technician', budi)).toBe(0)
    // Used on the job: the use line names the service.
    const use = await f.db
      .selectFrom('stock_movements')
      .selectAll()
      .where('kind', '=', 'use')
      .executeTakeFirstOrThrow()
    expect([use.service_id, use.customer_id, use.qty]).toEqual([
      andi.serviceId,
      andi.customerId,
      -1,
    ])
    // Swapped later: back from the customer into the warehouse.
    await returnStock(f.deps, f.actor, {
      itemId: ont,
      warehouseId: f.gudang,
      qty: 1,
      serials: ['HWTC1111'],
    })
    expect(await place()).toEqual([['warehouse', 'Gudang Pusat', null]])
    expect(await f.balance(ont)).toBe(2)
  })

  it('returns: what a technician did not use goes back to the warehouse; never more than he holds', async () => {
    const f = await fixture()
    const kabel = await f.item('Kabel dropcore', { unit: 'meter' })
    const budi = await f.tech('budi')
    await stockIn(f.deps, f.actor, { itemId: kabel, warehouseId: f.gudang, qty: 200 })
    await issueStock(f.deps, f.actor, {
      itemId: kabel,
      warehouseId: f.gudang,
      technicianId: budi,
      qty: 100,
    })
    await useStock(f.deps, f.actor, { itemId: kabel, technicianId: budi, qty: 70 })
    expect(
      await f.code(
        returnStock(f.deps, f.actor, {
          itemId: kabel,
          warehouseId: f.gudang,
          technicianId: budi,
          qty: 31,
        }),
      ),
    ).toBe('STOCK_INSUFFICIENT')
    await returnStock(f.deps, f.actor, {
      itemId: kabel,
      warehouseId: f.gudang,
      technicianId: budi,
      qty: 30,
    })
    expect(await f.balance(kabel)).toBe(130)
    expect(await f.balance(kabel, 'technician', budi)).toBe(0)
  })

  it('useStock with the same batch id records once (a replayed phone command)', async () => {
    const f = await fixture()
    const klem = await f.item('Klem kabel')
    const budi = await f.tech('budi')
    await stockIn(f.deps, f.actor, { itemId: klem, warehouseId: f.gudang, qty: 10 })
    const use = () =>
      useStock(
        f.deps,
        f.actor,
        { itemId: klem, technicianId: budi, warehouseId: f.gudang, qty: 4 },
        '0b6c1c5e-1f0a-4c1e-9d7b-6f3f5c1a0001',
      )
    const results = await Promise.all([use(), use()])
    expect(results.map((r) => !!r.duplicate).sort()).toEqual([false, true])
    expect(await f.balance(klem)).toBe(6)
  })

  it('low stock tells the office once while it stays low, and again after it was refilled', async () => {
    const f = await fixture()
    const ont = await f.item('ONT ZTE F609', { low: 3 })
    const budi = await f.tech('budi')
    const lows = async () =>
      (
        await listNotifications(f.db, {
          companyId: f.companyId,
          userId: f.ownerId,
          permissions: ['warehouse.view'],
        })
      )
        .filter((n) => n.kind === 'stock_low')
        .map((n) => n.params)
    const issue = (qty: number) =>
      issueStock(f.deps, f.actor, {
        itemId: ont,
        warehouseId: f.gudang,
        technicianId: budi,
        qty,
      })
    await stockIn(f.deps, f.actor, { itemId: ont, warehouseId: f.gudang, qty: 6 })
    await issue(2)
    expect(await lows()).toEqual([])
    await issue(1) // 3 left: at the threshold
    await issue(1) // 2 left: still low, no second notice
    await Promise.all([issue(1), issue(1)])
    expect(await lows()).toHaveLength(1)
    expect((await lows())[0]).toMatchObject({ name: 'ONT ZTE F609', count: 3 })
    await stockIn(f.deps, f.actor, { itemId: ont, warehouseId: f.gudang, qty: 10 })
    await issue(7) // 3 left again: a new episode, a new notice
    expect(await lows()).toHaveLength(2)
    expect((await listStockItems(f.db, f.companyId))[0]).toMatchObject({
      inWarehouses: 3,
      withTechnicians: 13,
      low: true,
    })
  })

  it('stock card per warehouse and period: opening, lines with running balance, closing', async () => {
    const f = await fixture()
    const klem = await f.item('Klem kabel')
    const cabang = (await saveWarehouse(f.deps, f.actor, { name: 'Gudang Cabang', address: null }))
      .id
    const budi = await f.tech('budi')
    f.clock.set('2026-12-01T03:00:00Z')
    await stockIn(f.deps, f.actor, { itemId: klem, warehouseId: f.gudang, qty: 100 })
    await stockIn(f.deps, f.actor, { itemId: klem, warehouseId: cabang, qty: 40 })
    f.clock.set('2026-12-03T03:00:00Z')
    await issueStock(f.deps, f.actor, {
      itemId: klem,
      warehouseId: f.gudang,
      technicianId: budi,
      qty: 30,
    })
    f.clock.set('2026-12-05T03:00:00Z')
    await adjustStock(f.deps, f.actor, {
      itemId: klem,
      warehouseId: f.gudang,
      qty: 65,
      note: 'stok opname',
    })
    const card = await stockCard(
      f.db,
      f.companyId,
      { itemId: klem, warehouseId: f.gudang, from: '2026-12-02', to: '2026-12-04' },
      f.tz,
    )
    expect([card.opening, card.closing]).toEqual([100, 70])
    expect(card.lines.map((l) => [l.kind, l.qty, l.balance])).toEqual([['issue', -30, 70]])
    const all = await stockCard(f.db, f.companyId, { itemId: klem }, f.tz)
    expect(all.lines.map((l) => [l.kind, l.holderName, l.qty, l.balance])).toEqual([
      ['in', 'Gudang Pusat', 100, 100],
      ['in', 'Gudang Cabang', 40, 140],
      ['issue', 'Gudang Pusat', -30, 110],
      ['adjust', 'Gudang Pusat', -5, 105],
    ])
  })

  it('item and warehouse names are unique per company', async () => {
    const f = await fixture()
    await f.item('Klem kabel')
    expect(await f.code(f.item('Klem kabel'))).toBe('STOCK_ITEM_NAME_TAKEN')
    expect(
      await f.code(saveWarehouse(f.deps, f.actor, { name: 'Gudang Pusat', address: null })),
    ).toBe('WAREHOUSE_NAME_TAKEN')
  })

  it('companies set up before Gudang get its default permissions', async () => {
    const f = await fixture()
    await f.db.deleteFrom('role_permissions').where('permission', 'like', 'warehouse.%').execute()
    await grantWarehousePermissions(f.db as never)
    await grantWarehousePermissions(f.db as never)
    expect(await permissionsOfRole(f.db, f.companyId, 'admin_support')).toEqual(
      expect.arrayContaining(['warehouse.view', 'warehouse.manage']),
    )
    expect(await permissionsOfRole(f.db, f.companyId, 'technician')).toContain('warehouse.view')
    expect(await permissionsOfRole(f.db, f.companyId, 'technician')).not.toContain(
      'warehouse.manage',
    )
  })
})
