import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { createCustomer, updateCustomer } from './index'
import { catalogFixture, customerInput } from './testing'

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : `thrown: ${String(e)}`),
  )

describe('a customer names a price list and account manager of its own company', () => {
  it('ids that do not exist are NOT_FOUND, not a database error (fuzz: customers.create {priceListId: 4})', async () => {
    const { deps, actor, cbg } = await catalogFixture()
    const budi = customerInput(cbg.id, 'Budi')
    expect(await codeOf(createCustomer(deps, actor, { ...budi, priceListId: 4 }))).toBe('NOT_FOUND')
    expect(await codeOf(createCustomer(deps, actor, { ...budi, accountManagerId: 77 }))).toBe(
      'NOT_FOUND',
    )
    const saved = await createCustomer(deps, actor, { ...budi, accountManagerId: actor.userId })
    expect(
      await codeOf(updateCustomer(deps, actor, { ...budi, id: saved.id, priceListId: 4 })),
    ).toBe('NOT_FOUND')
  })
})
