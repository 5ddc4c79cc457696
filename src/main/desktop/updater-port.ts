import { releaseNotesText } from './release-notes'
import type { UpdaterPort } from './update-flow'

/** The part of electron-updater's autoUpdater the port drives (a fake in the unit test). */
export interface AutoUpdaterLike {
  autoInstallOnAppQuit: boolean
  checkForUpdates(): Promise<{
    isUpdateAvailable: boolean
    updateInfo: {
      version: string
      releaseNotes?: string | { version: string; note: string | null }[] | null
    }
  } | null>
  downloadUpdate(): Promise<unknown>
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void
}

/**
 * electron-updater as UpdateFlow's port. electron-updater adds its install-on-quit handler when a
 * download finishes, and only if autoInstallOnAppQuit is true at that moment; at quit it installs
 * only if the flag is still true. So the flag is true while downloading (the handler gets added)
 * and is the user's consent at any other time (nothing installs unasked).
 */
export function electronUpdaterPort(autoUpdater: AutoUpdaterLike): UpdaterPort {
  let agreed = false
  autoUpdater.autoInstallOnAppQuit = false
  return {
    async check() {
      const result = await autoUpdater.checkForUpdates()
      if (!result?.isUpdateAvailable) return null
      return {
        version: result.updateInfo.version,
        releaseNotes: releaseNotesText(result.updateInfo.releaseNotes),
      }
    },
    async download() {
      autoUpdater.autoInstallOnAppQuit = true
      try {
        await autoUpdater.downloadUpdate()
      } finally {
        autoUpdater.autoInstallOnAppQuit = agreed
      }
    },
    installOnQuit(enabled) {
      agreed = enabled
      autoUpdater.autoInstallOnAppQuit = enabled
    },
    restartAndInstall() {
      // Not silent (the installer shows its progress), and Loket starts again afterwards.
      autoUpdater.quitAndInstall(false, true)
    },
  }
}
