export { createArea, listAreas, updateArea } from './areas'
export type { AreaView } from './areas'
export { listPops, savePop } from './pops'
export type { PopView } from './pops'
export {
  createProduct,
  insertProduct,
  listProducts,
  productPriceHistory,
  toProductView,
  updateProduct,
} from './products'
export type { ProductView } from './products'
export { listPriceLists, savePriceList } from './price-lists'
export type { PriceListView } from './price-lists'
export { listPrice } from './pricing'
export { loadPriceBook } from './price-book'
export type { PriceBook } from './price-book'
