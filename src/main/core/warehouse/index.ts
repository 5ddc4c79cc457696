/**
 * Gudang (issue 16). Other parts call:
 * - `createStockRequest` (registration board's installation step, tickets: `forKind` + `forId`);
 * - `useStock` (the technician's phone, `stock.use` in `field.sync`; pass the command's UUID as
 *   `batch` so a replay records nothing twice).
 */
export {
  adjustStock,
  issueStock,
  returnStock,
  saveStockItem,
  saveWarehouse,
  stockIn,
  useStock,
} from './stock'
export type { StockResult, WarehouseDeps } from './stock'
export { createStockRequest, decideStockRequest, issueStockRequest } from './requests'
export {
  listSerials,
  listStockItems,
  listStockRequests,
  listWarehouses,
  stockCard,
  stockPeople,
  technicianStock,
} from './queries'
export type {
  SerialView,
  StockCard,
  StockCardLine,
  StockItemView,
  StockRequestView,
  WarehouseView,
} from './queries'
export type { WarehouseActor } from './ledger'
export { exportStockCard } from './export'
