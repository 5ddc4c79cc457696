export { getSecuritySettings, putSecuritySettings } from './security-settings'
export { getCustomerSettings, putCustomerSettings } from './customer-settings'
export type { CustomerSettings } from './customer-settings'
