import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, type BrowserWindow } from 'electron'
import { isTrustedRendererUrl } from '@api/index'
import {
  askRetryHost,
  claimSingleInstance,
  createMainWindow,
  desktopPaths,
  hardenApp,
  lanBinding,
  registerApiIpc,
  showStartError,
  showStartWarning,
  startDesktopUpdates,
} from './desktop'
import type { RunningHost } from './host'
import {
  hostUnreachableMessage,
  isOnHost,
  planStartup,
  startDesktop,
  type StartedDesktop,
} from './startup-plan'

/**
 * Electron entry: the composition root of the desktop. A host's window talks to the API over IPC
 * and the same host serves the office LAN over HTTP; a client's window shows its host's UI over
 * HTTP. Everything else lives in core/api/server and desktop/startup-plan.ts.
 */
let mainWindow: BrowserWindow | null = null
let host: RunningHost | null = null

async function start(): Promise<void> {
  // Bundled by electron-vite into out/main/index.js; preload and renderer sit beside it in out/.
  const paths = desktopPaths(path.dirname(fileURLToPath(import.meta.url)))
  // Host or client, from <dataDir>/mode.json (startup-plan.ts decides; this file only wires it).
  const plan = planStartup(paths.dataDir)
  const trusted = { devServerUrl: paths.devServerUrl, rendererFile: paths.rendererFile }
  const isTrusted = (url: string) => isTrustedRendererUrl(url, trusted) || isOnHost(url, plan)
  hardenApp({ isTrusted, devServerUrl: paths.devServerUrl })
  if (plan.warning) showStartWarning(plan.warning)

  const lan = lanBinding(process.env)
  let started: StartedDesktop
  try {
    started = await startDesktop(plan, {
      dataDir: paths.dataDir,
      lan,
      webRoot: paths.webRoot,
      database: { nativeBinding: paths.nativeBinding },
      localPage: paths.devServerUrl ? { url: paths.devServerUrl } : { file: paths.rendererFile },
    })
  } catch (error) {
    showStartError(error, lan)
    app.quit()
    return
  }
  host = started.host
  if (host) {
    console.log(`Loket host ready at ${host.url} (LAN ${lan.host}:${lan.port})`)
    // The first-run wizard in this window shows the code too (setup.status over IPC).
    if (host.setupCode) console.log(`First-run setup code for other PCs: ${host.setupCode}`)
  } else {
    if (plan.mode === 'client')
      console.log(`Loket client of ${plan.hostUrl}: no local database, no workers`)
  }
  if (started.ipcBridge && host) {
    const running = host
    registerApiIpc(() => running.services, isTrusted)
  }
  // Updates come from the host's own /updates/ feed; an unpackaged (dev) run has none to install.
  // A client's window shows its host's UI, which cannot see this desktop's updater (see README).
  if (host && app.isPackaged && host.services.mutationsInFlight) {
    host.services.desktopUpdates = startDesktopUpdates({
      feedUrl: `${host.url}updates/`,
      inFlight: host.services.mutationsInFlight,
    })
  }

  mainWindow = createMainWindow({
    preload: paths.preload,
    load: started.page,
    additionalArguments: started.windowArguments,
  })
  if (plan.mode === 'client') {
    const window = mainWindow
    // The host's page did not load (host off, cable out): say so, then retry or quit.
    window.webContents.on('did-fail-load', (_event, _code, reason, _url, isMainFrame) => {
      if (!isMainFrame) return
      if (askRetryHost(hostUnreachableMessage(plan.hostUrl, reason))) {
        window.loadURL(`${plan.hostUrl}/`).catch(() => {})
      } else app.quit()
    })
  }
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
