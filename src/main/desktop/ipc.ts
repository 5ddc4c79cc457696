import { ipcMain } from 'electron'
import { appRouter, handleIpcRequest, IPC_CHANNEL, type ApiServices } from '@api/index'

/** Carries the API over IPC; `handleIpcRequest` refuses frames that are not our renderer. */
export function registerApiIpc(services: ApiServices, isTrusted: (url: string) => boolean): void {
  ipcMain.handle(IPC_CHANNEL, (event, request: unknown) =>
    handleIpcRequest({ router: appRouter, services, event, request, isTrustedSender: isTrusted }),
  )
}
