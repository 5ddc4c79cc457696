import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, type BrowserWindow } from 'electron'
import { isTrustedRendererUrl } from '@api/index'
import {
  claimSingleInstance,
  createMainWindow,
  desktopPaths,
  hardenApp,
  lanBinding,
  registerApiIpc,
  showStartError,
  startDesktopUpdates,
} from './desktop'
import { startHost, type RunningHost } from './host'

/**
 * Electron entry: the composition root of the desktop. The window talks to the API over IPC and
 * the same host serves the office LAN over HTTP; everything else lives in core/api/server.
 */
let mainWindow: BrowserWindow | null = null
let host: RunningHost | null = null

async function start(): Promise<void> {
  // Bundled by electron-vite into out/main/index.js; preload and renderer sit beside it in out/.
  const paths = desktopPaths(path.dirname(fileURLToPath(import.meta.url)))
  const trusted = { devServerUrl: paths.devServerUrl, rendererFile: paths.rendererFile }
  const isTrusted = (url: string) => isTrustedRendererUrl(url, trusted)
  hardenApp({ isTrusted, devServerUrl: paths.devServerUrl })

  const lan = lanBinding(process.env)
  try {
    host = await startHost({
      dataDir: paths.dataDir,
      ...lan,
      webRoot: paths.webRoot,
      database: { nativeBinding: paths.nativeBinding },
    })
  } catch (error) {
    showStartError(error, lan)
    app.quit()
    return
  }
  console.log(`Loket host ready at ${host.url} (LAN ${lan.host}:${lan.port})`)
  // The first-run wizard in this window shows the code too (setup.status over IPC).
  if (host.setupCode) console.log(`First-run setup code for other PCs: ${host.setupCode}`)
  registerApiIpc(host.services, isTrusted)
  // Updates come from the host's own /updates/ feed; an unpackaged (dev) run has none to install.
  if (app.isPackaged && host.services.mutationsInFlight) {
    host.services.desktopUpdates = startDesktopUpdates({
      feedUrl: `${host.url}updates/`,
      inFlight: host.services.mutationsInFlight,
    })
  }

  mainWindow = createMainWindow({
    preload: paths.preload,
    load: paths.devServerUrl ? { url: paths.devServerUrl } : { file: paths.rendererFile },
  })
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

if (claimSingleInstance(() => mainWindow)) {
  app.enableSandbox()
  app.on('window-all-closed', () => app.quit())
  // Close the LAN server and the database before the process ends.
  app.on('will-quit', (event) => {
    const running = host
    if (!running) return
    host = null
    event.preventDefault()
    running
      .close()
      .catch((error: unknown) => console.error('[desktop] closing the host failed:', error))
      .finally(() => app.quit())
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      showStartError(error)
      app.quit()
    })
} else {
  app.quit()
}
