import { existsSync } from 'node:fs'
import path from 'node:path'
import { app } from 'electron'
import { desktopDataDir } from './data-dir'

export interface DesktopPaths {
  /** The database and everything else Loket keeps; one folder per PC when installed (data-dir.ts). */
  dataDir: string
  preload: string
  /** The built renderer's index.html (also served to the LAN from its folder). */
  rendererFile: string
  webRoot: string
  /** `electron-vite dev` only: the Vite dev server the window loads instead of rendererFile. */
  devServerUrl: string | undefined
  /** `npm run dev` only: better-sqlite3 built for Electron by scripts/rebuild-electron-native.mjs. */
  nativeBinding: string | undefined
}

/** `bundleDir` is out/main, where electron-vite writes the main bundle (inside app.asar when packaged). */
export function desktopPaths(bundleDir: string): DesktopPaths {
  const webRoot = path.join(bundleDir, '../renderer')
  const devNative = path.join(
    app.getAppPath(),
    '.electron-native/better-sqlite3/build/Release/better_sqlite3.node',
  )
  return {
    dataDir: desktopDataDir({
      platform: process.platform,
      isPackaged: app.isPackaged,
      userData: app.getPath('userData'),
      env: process.env,
    }),
    preload: path.join(bundleDir, '../preload/index.cjs'),
    rendererFile: path.join(webRoot, 'index.html'),
    webRoot,
    devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
    // Packaged apps get a module electron-builder rebuilt for Electron inside node_modules.
    nativeBinding: !app.isPackaged && existsSync(devNative) ? devNative : undefined,
  }
}
