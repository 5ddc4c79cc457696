export {
  MODE_FILE,
  modeFilePath,
  readModeFile,
  writeModeFile,
  type ModeFileRead,
} from './mode-file'
