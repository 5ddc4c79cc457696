export {
  ACS_TIMEOUT_MS,
  getAcsSettings,
  nbiTarget,
  saveAcsSettings,
  testAcs,
} from './settings'
export type { AcsDeps, AcsSettingsView } from './settings'
export { findCustomerCpes } from './cpe'
export type { CpeView, CustomerCpes } from './cpe'
export { listCpeActions, rebootCpe, refreshCpe, setCpeWifi } from './actions'
export type { CpeActionView } from './actions'
