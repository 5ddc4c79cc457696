import { IPC_CHANNEL } from './channel'
import type { IpcRequest, IpcResponse, LoketBridge } from './types'

/** The part of Electron's `ipcRenderer` the bridge needs (a stub in tests). */
export interface IpcInvoker {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
}

/**
 * The object exposed to the page. It closes over `ipcRenderer` instead of handing it out, fixes
 * the channel, and copies only the four request fields, so the page can reach nothing else.
 */
export function createBridge(ipcRenderer: IpcInvoker): LoketBridge {
  return Object.freeze({
    invoke(request: IpcRequest): Promise<IpcResponse> {
      const { type, path, input, token } = request
      return ipcRenderer.invoke(IPC_CHANNEL, { type, path, input, token }) as Promise<IpcResponse>
    },
  })
}
