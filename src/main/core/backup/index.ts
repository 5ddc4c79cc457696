export { BACKUP_FOLDER, createBackup, defaultName } from './create'
export type { BackupProgress, BackupResult, CreateBackupOptions } from './create'
export { BACKUP_EXTENSION, readBackupHeader } from './container'
export type { BackupHeader } from './container'
export { listBackups } from './list'
export type { BackupList, ListedBackup } from './list'
export { manifestTotals } from './manifest'
export type { BackupManifest } from './manifest'
export { restoreBackup } from './restore'
export type { RestoreResult } from './restore'
export { verifyBackup } from './verify'
export type { VerifiedMark, VerifyResult } from './verify'
export { DEFAULT_RETENTION, planRetention } from './retention'
export type { RetentionPlan, RetentionPolicy } from './retention'
export { backupFolders, copyBackup, findBackupFile, pruneFolder } from './folders'
export { backupRunOf, backupRunsSettled, startBackupRun } from './runner'
export type { BackupRunView } from './runner'
export {
  BACKUP_TIME,
  backupSettingsView,
  readBackupSettings,
  saveBackupSettings,
  setBackupPassphrase,
  storedPassphrase,
} from './settings'
export { latestSlot, scheduledBackupTick, startBackupSchedule } from './schedule'
export type { BackupTick } from './schedule'
export {
  ASIDE_PREFIX,
  checkLiveRestore,
  createSafetyBackup,
  finishSwap,
  safetyBackupName,
  swapInBackup,
} from './restore-live'
export type {
  LiveRestoreRequest,
  LiveRestoreRunner,
  LiveRestoreState,
  LiveSwap,
} from './restore-live'
export { DOWNLOAD_TICKET_MS, issueDownloadTicket, redeemDownloadTicket } from './download-tickets'
