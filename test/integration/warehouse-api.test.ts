import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiCode, companyOwner, startTestHost, type TestHost } from '../helpers/http-host'
import { signInAs } from '../helpers/role-users'

/**
 * Gudang through the real HTTP API (SQLite, or PostgreSQL on the postgres run): stock in, a
 * request approved and issued, parallel issues that never take stock below zero, the stock card
 * and its export, and who may do what.
 */
let host: TestHost
beforeEach(async () => {
  host = await startTestHost()
}, 120_000)
afterEach(async () => {
  await host.stop()
})

describe('warehouse API', () => {
  it(
    'stock in, request, approve, issue, use; parallel issues stop at zero; the card explains it',
    { timeout: 120_000 },
    async () => {
      const { owner, ownerToken } = await companyOwner(host)
      const tech = await signInAs(host, ownerToken, 'technician', 'teknisi1')
      const techId = (await tech.auth.me.query()).user.id
      const { id: warehouseId } = await owner.warehouse.saveWarehouse.mutate({
        name: 'Gudang Pusat',
      })
      const { id: kabel } = await owner.warehouse.saveItem.mutate({
        name: 'Kabel dropcore',
        unit: 'meter',
        lowThreshold: 20,
      })
      await owner.warehouse.stockIn.mutate({ itemId: kabel, warehouseId, qty: 100 })

      const { id } = await owner.warehouse.createRequest.mutate({
        forKind: 'installation',
        forId: 12,
        warehouseId,
        technicianId: techId,
        lines: [{ itemId: kabel, qty: 60 }],
      })
      // A technician sees the warehouse but does not approve or issue.
      expect(await apiCode(tech.warehouse.decideRequest.mutate({ id, approve: true }))).toBe(
        'FORBIDDEN',
      )
      await owner.warehouse.decideRequest.mutate({ id, approve: true })
      await owner.warehouse.issueRequest.mutate({ id })
      expect(await tech.warehouse.held.query({})).toEqual([
        { itemId: kabel, name: 'Kabel dropcore', unit: 'meter', qty: 60, serials: [] },
      ])
      // He records his own use; another's only with warehouse.manage.
      await tech.warehouse.use.mutate({ itemId: kabel, technicianId: techId, qty: 45 })
      expect(
        await apiCode(
          tech.warehouse.use.mutate({ itemId: kabel, technicianId: techId, warehouseId, qty: 1 }),
        ),
      ).toBe('FORBIDDEN')

      // 40 left; ten issues of 5 at once: eight pass, two are told there is not enough.
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          apiCode(
            owner.warehouse.issue.mutate({
              itemId: kabel,
              warehouseId,
              technicianId: techId,
              qty: 5,
            }),
          ),
        ),
      )
      expect(results.filter((r) => r === 'ok')).toHaveLength(8)
      expect(results.filter((r) => r === 'STOCK_INSUFFICIENT')).toHaveLength(2)
      const [item] = await owner.warehouse.items.query()
      expect(item).toMatchObject({ inWarehouses: 0, withTechnicians: 55, low: true })

      const card = await owner.warehouse.card.query({ itemId: kabel })
      expect(card.lines.map((l) => l.balance)).toEqual([100, 40, 35, 30, 25, 20, 15, 10, 5, 0])
      const file = await owner.warehouse.exportCard.mutate({
        card: { itemId: kabel },
        format: 'pdf',
      })
      expect(file.fileName).toBe('kartu-stok-kabel-dropcore.pdf')
      expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    },
  )

  it('the Gudang module switched off answers MODULE_DISABLED', async () => {
    const { owner } = await companyOwner(host)
    await owner.company.saveModules.mutate({ warehouse: false })
    expect(await apiCode(owner.warehouse.items.query())).toBe('MODULE_DISABLED')
  })
})
