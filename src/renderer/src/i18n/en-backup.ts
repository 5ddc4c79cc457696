import type { idBackup } from './id-backup'

/** English texts of the Backup & Restore page. */
export const enBackup: typeof idBackup = {
  backup: {
    title: 'Backup & Restore',
    intro:
      "One .loket-backup file holds all of the company's data: the database, the attachments and (with a passphrase) the key of router and gateway secrets.",
    createNow: 'Back up now',
    running: 'Making a backup…',
    stage: {
      snapshot: 'Copying the database',
      database: 'Writing the database to the file',
      files: 'Writing attachments ({{done}} of {{total}})',
      done: 'Done',
    },
    created: 'Backup done: {{file}}',
    failed: 'Backup failed: {{problem}}',
    listTitle: 'Backups',
    empty: 'No backups yet.',
    colDate: 'Date',
    colSize: 'Size',
    colWho: 'Made by',
    colCheck: 'Check',
    colActions: 'Actions',
    verified: 'Verified ✓ {{date}}',
    notVerified: 'Not verified',
    notEncrypted: 'not encrypted',
    copyFolder: 'second folder',
    download: 'Download',
    verify: 'Verify',
    verifyOk: 'The backup is whole: its contents match its record.',
    restore: 'Restore…',
    noPassphraseTitle: 'No backup passphrase set',
    noPassphrase:
      "Without a passphrase the backup file is NOT encrypted: whoever holds the file can read the customers' data. The secrets key is left out too, so router passwords and message gateway keys must be entered again after a restore.",
    settingsTitle: 'Backup settings',
    passphrase: 'Backup passphrase',
    passphraseAgain: 'Passphrase again',
    passphraseHelp:
      'Kept locked on the host PC for the scheduled backup. Write it down somewhere safe: without it a backup cannot be restored.',
    passphraseSet: 'A passphrase is set.',
    setPassphrase: 'Save passphrase',
    changePassphrase: 'Change passphrase',
    passphraseSaved: 'Backup passphrase saved.',
    schedule: "Back up every day at {{time}} (the company's time zone)",
    scheduleHelp:
      'Keeps 7 daily, 4 weekly and 12 monthly scheduled backups and removes older ones. Backups made by hand are never removed automatically. A missed or failed backup raises a notification.',
    copyFolderLabel: 'Second folder (a USB disk or another drive)',
    copyFolderHelp:
      'The full path of a folder on the host PC, e.g. E:\\Loket Backup. Leave empty when not used.',
    saveSettings: 'Save settings',
    settingsSaved: 'Backup settings saved.',
    restoreTitle: 'Restore from a backup',
    restoreIntro:
      'First look at what this backup holds. Then restore it into a NEW, empty data folder (the data in use is not changed), or replace the data in use with it.',
    targetNew: 'Restore into a new data folder',
    targetLive: 'Restore over the data in use',
    liveWarningTitle: 'The data in use will be replaced',
    liveSafety:
      'A safety backup of the current data is made first (listed with the "before restore" mark).',
    liveSignOut: 'Everyone is signed out and must sign in again.',
    liveRestart: 'The host restarts; Loket cannot be used for a short while.',
    liveLoss:
      'Data entered after {{date}} is gone from the data in use (it stays in the safety backup).',
    liveConfirmLabel: 'Type {{word}} or the company name ({{company}}) to continue',
    confirmLive: 'Restore over the data in use',
    liveTitle: 'Restoring the data in use',
    liveStage: {
      safety: 'Making a safety backup…',
      restoring: 'Restoring…',
      restarting: 'Restarting the host…',
    },
    liveWait: 'Keep this page open. When it is done you are asked to sign in again.',
    liveFailed: 'The restore failed; the data in use is unchanged. {{problem}}',
    safetyBadge: 'before restore',
    restorePassphrase: 'Passphrase (leave empty to use the stored one)',
    preview: 'Show contents',
    previewCompany: 'Company',
    previewDate: 'Backup date',
    previewWho: 'Made by',
    previewSchema: 'Schema version',
    previewCounts:
      '{{customers}} customers, {{invoices}} invoices, {{payments}} payments, {{users}} users',
    previewNoKey:
      'This backup has no secrets key: router passwords and gateway keys must be entered again after the restore.',
    targetFolder: 'New data folder (full path, empty or not there yet)',
    confirmRestore: 'Yes, restore into this folder',
    restoreDone: 'Data restored into {{dataDir}}.',
    cancel: 'Cancel',
  },
}
