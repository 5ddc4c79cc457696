import type { LoketBridge } from './types'

declare global {
  interface Window {
    /** Set by the desktop preload; absent in a LAN browser, where the renderer uses HTTP. */
    loket?: LoketBridge
  }
}

export {}
