import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { companyFixture } from '../testing'
import { createArea } from './areas'
import { savePriceList } from './price-lists'

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : `thrown: ${String(e)}`),
  )

describe('a price list for an area', () => {
  it('names an area of its own company; any other id is NOT_FOUND (fuzz: catalog.savePriceList {areaId: 9})', async () => {
    const f = await companyFixture()
    const actor = {
      companyId: f.companyId,
      userId: f.ownerId,
      username: 'owner',
      ip: null,
      userAgent: null,
    }
    const list = { name: 'Harga Cibinong', areaId: 9, items: [] }
    expect(await codeOf(savePriceList(f.deps, actor, list))).toBe('NOT_FOUND')
    const area = await createArea(f.deps, actor, {
      code: 'CBG01',
      name: 'Cibinong',
      codePattern: '{AREA}-{0000}',
    })
    const saved = await savePriceList(f.deps, actor, { ...list, areaId: area.id })
    expect(
      await codeOf(savePriceList(f.deps, actor, { ...list, id: saved.id, active: true })),
    ).toBe('NOT_FOUND')
  })
})
