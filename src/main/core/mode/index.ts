export { testHostConnection, type ConnectionTest } from './connection-test'
export { lanUrls, type Listener } from './lan-addresses'
export {
  MODE_FILE,
  modeFilePath,
  readModeFile,
  writeModeFile,
  type ModeFileRead,
} from './mode-file'
export {
  discoverHosts,
  getModeInfo,
  saveMode,
  type LanAddress,
  type ModeDeps,
  type ModeInfo,
} from './mode-settings'
export {
  advertiseHost,
  browseHosts,
  foundHost,
  LOKET_SERVICE_TYPE,
  type Advertisement,
  type FoundHost,
  type MdnsOptions,
} from './lan-discovery'
