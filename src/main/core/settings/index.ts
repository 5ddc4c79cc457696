export { getSecuritySettings, putSecuritySettings } from './security-settings'
export { getCustomerSettings, customerSettingsSchema } from './customer-settings'
export type { CustomerSettings } from './customer-settings'
