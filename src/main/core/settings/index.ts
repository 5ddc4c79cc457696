export { getSecuritySettings, putSecuritySettings } from './security-settings'
