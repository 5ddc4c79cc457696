import { app, BrowserWindow } from 'electron'

export interface MainWindowOptions {
  preload: string
  /** The dev server URL, or the built renderer's index.html. */
  load: { url: string } | { file: string }
  /** Passed to the preload (client mode: which host the window shows). */
  additionalArguments?: string[]
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Loket',
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preload,
      additionalArguments: options.additionalArguments ?? [],
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: !app.isPackaged,
    },
  })
  window.once('ready-to-show', () => window.show())
  const loading =
    'url' in options.load ? window.loadURL(options.load.url) : window.loadFile(options.load.file)
  loading.catch((error: unknown) => console.error('[desktop] the renderer failed to load:', error))
  return window
}

/** Brings a window to the front, e.g. when Loket is started a second time. */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
