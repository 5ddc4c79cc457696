/**
 * Previews for the package dialogs. The API decides the real price and date when the change is
 * saved (and the notification shows its answer); these only let the office see it beforehand.
 * The price order follows core's `listPrice`; the date comes from `@shared/periods`.
 */

interface PriceList {
  id: number
  areaId: number | null
  active: boolean
  items: { productId: number; price: number }[]
}

/** The customer's own price list, then their area's, then the package's price. */
export function expectedPrice(
  product: { id: number; monthlyPrice: number },
  customer: { areaId: number; priceListId: number | null },
  priceLists: PriceList[],
): number {
  const itemOf = (list: PriceList | undefined) =>
    list?.active ? list.items.find((i) => i.productId === product.id) : undefined
  const own = itemOf(priceLists.find((l) => l.id === customer.priceListId))
  if (own) return own.price
  const area = [...priceLists]
    .sort((a, b) => a.id - b.id)
    .filter((l) => l.areaId === customer.areaId)
    .map(itemOf)
    .find(Boolean)
  return area ? area.price : product.monthlyPrice
}
