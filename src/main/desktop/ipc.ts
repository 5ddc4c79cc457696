import { ipcMain } from 'electron'
import { appRouter, handleIpcRequest, IPC_CHANNEL, type ApiServices } from '@api/index'

/**
 * Carries the API over IPC; `handleIpcRequest` refuses frames that are not our renderer. The
 * services are looked up per call: a restore over the live data restarts the host (host.ts)
 * with new ones.
 */
export function registerApiIpc(
  services: () => ApiServices,
  isTrusted: (url: string) => boolean,
): void {
  ipcMain.handle(IPC_CHANNEL, (event, request: unknown) =>
    handleIpcRequest({
      router: appRouter,
      services: services(),
      event,
      request,
      isTrustedSender: isTrusted,
    }),
  )
}
