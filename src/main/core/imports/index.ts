export { listSheets, readTable } from './read-table'
export { ImportFileError, MAX_DATA_ROWS, MAX_FILE_BYTES } from './table'
export type { ImportTable, TableRow } from './table'
export {
  AREA_COLUMNS,
  CUSTOMER_COLUMNS,
  PRODUCT_COLUMNS,
  autoMap,
  columnsOf,
  headerKey,
} from './columns'
export type {
  AreaField,
  ColumnMapping,
  CustomerField,
  ImportKind,
  MappingResult,
  ProductField,
} from './columns'
export { parseAreas, parseCustomers, parseProducts } from './parse-rows'
export type { ParseInput, ParseResult } from './parse-rows'
export { customerTemplate, workbookTemplate } from './template'
export { importMessagesEn, importMessagesId } from './messages'
export type { ImportMessageKey } from './messages'
export { loadExcelJS } from './load-exceljs'
