import { describe, expect, it } from 'vitest'
import { priceListInput } from './catalog'

describe('a price list', () => {
  it('names each product once (fuzz: catalog.savePriceList with productId 2 twice)', () => {
    const twice = priceListInput.safeParse({
      name: 'Harga Cibinong',
      items: [
        { productId: 2, price: 100_000 },
        { productId: 2, price: 120_000 },
      ],
    })
    expect(twice.success).toBe(false)
    expect(twice.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['items', 'validation.price_list_product_twice'],
    ])
    const once = priceListInput.safeParse({
      name: 'Harga Cibinong',
      items: [
        { productId: 1, price: 100_000 },
        { productId: 2, price: 120_000 },
      ],
    })
    expect(once.success).toBe(true)
  })
})
