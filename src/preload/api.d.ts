import type { LoketClientInfo } from '@shared/client-mode'
import type { LoketBridge } from './types'

declare global {
  interface Window {
    /** Set by the desktop preload; absent in a LAN browser, where the renderer uses HTTP. */
    loket?: LoketBridge
    /** Set by the desktop preload in client mode: the host whose pages this window shows. */
    loketClient?: LoketClientInfo
  }
}

export {}
