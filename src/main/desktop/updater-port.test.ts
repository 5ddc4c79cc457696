import { describe, expect, it } from 'vitest'
import { electronUpdaterPort, type AutoUpdaterLike } from './updater-port'

/**
 * autoUpdater as electron-updater 6 behaves around quitting (BaseUpdater.addQuitHandler): the
 * quit handler is added when a download finishes only if autoInstallOnAppQuit is true then, and
 * installs at quit only if it is still true.
 */
function fakeAutoUpdater() {
  const fake = {
    autoInstallOnAppQuit: true,
    quitHandler: false,
    installed: false,
    checkForUpdates: async () => ({
      isUpdateAvailable: true,
      updateInfo: { version: '1.3.0', releaseNotes: [{ version: '1.3.0', note: 'Kasir' }] },
    }),
    downloadUpdate: async () => {
      if (fake.autoInstallOnAppQuit) fake.quitHandler = true
      return []
    },
    quitAndInstall: () => {
      fake.installed = true
    },
    quit() {
      if (fake.quitHandler && fake.autoInstallOnAppQuit) fake.installed = true
    },
  }
  return fake satisfies AutoUpdaterLike
}

describe('electron-updater behind the update flow', () => {
  it('a downloaded version is not installed at quit without the user’s yes', async () => {
    const auto = fakeAutoUpdater()
    const port = electronUpdaterPort(auto)
    expect(await port.check()).toEqual({ version: '1.3.0', releaseNotes: '1.3.0\nKasir' })
    await port.download()
    auto.quit()
    expect(auto.installed).toBe(false)
  })

  it('after the yes, quitting installs it (the handler was added during the download)', async () => {
    const auto = fakeAutoUpdater()
    const port = electronUpdaterPort(auto)
    await port.download()
    port.installOnQuit(true)
    auto.quit()
    expect(auto.installed).toBe(true)
  })
})
