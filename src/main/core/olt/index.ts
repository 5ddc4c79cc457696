export {
  createOlt,
  findOltByName,
  listOlts,
  loadOlt,
  oltView,
  removeOlt,
  testOlt,
  updateOlt,
} from './olts'
export type { OltDeps, OltView } from './olts'
export {
  customerOnu,
  getOltSettings,
  linkableServices,
  linkOnu,
  listOnus,
  onuHistory,
  putOltSettings,
  weakReport,
} from './onus'
export type { OnuView } from './onus'
export { pollOlt } from './poll'
export type { PollReport } from './poll'
export { runOltPoll } from './job'
export { VENDOR_PROFILES, vendorProfile } from './profiles'
export type { OltProbe } from './snmp'
