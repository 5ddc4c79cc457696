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
  getModeInfo,
  saveMode,
  type LanAddress,
  type ModeDeps,
  type ModeInfo,
} from './mode-settings'
