export { createCustomer, insertCustomer, nextCustomerCode, updateCustomer } from './customers'
export {
  addService,
  applyDuePackageChanges,
  applyPackageChange,
  changePackage,
  planPackageChange,
  previewPackageChange,
  changeServiceStatus,
  insertService,
  setServiceStatus,
  terminateCustomer,
  updateServiceNetwork,
  randomPassword,
} from './services'
export { listCustomers, searchTerms } from './search'
export type { CustomerListRow } from './search'
export { customerIdByCode, getCustomer } from './detail'
export { showServiceCredentials } from './credentials'
export type { CustomerDetail } from './detail'
export { deriveCustomerStatus, refreshCustomer } from './customer-status'
export { formatCode, parseCodeNumber, pppoeUsername } from '@shared/codes'
export { nextPeriodStart } from '@shared/periods'
export { bulkInsertCustomers } from './bulk-insert'
export type { BulkCustomerRow } from './bulk-insert'
export {
  attachFile,
  contentMatches,
  listAttachments,
  readAttachment,
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
} from './attachments'
export { pricesForCustomer } from './prices'
export { setServiceStatuses } from './status-batch'
export type { StatusBatch } from './status-batch'
export { setServiceCpeSerial } from './cpe-serial'
