import { discoverHosts, getModeInfo, saveMode, testHostConnection } from '@core/mode'
import { connectionTestInput, modeSaveInput } from '@shared/schemas'
import { procedure, router } from '../trpc'

/** Pengaturan → Mode: host or client for this PC's next start, and how the LAN reaches it. */
export const modeRouter = router({
  get: procedure('company.view').query(({ ctx }) => getModeInfo(ctx.services)),
  /** Server-side, so the answer is what this host sees of the other one. */
  testConnection: procedure('company.manage')
    .input(connectionTestInput)
    .mutation(({ ctx, input }) => testHostConnection(input.hostUrl, ctx.services.version)),
  /** Hosts announcing `_loket._tcp` on this host's LAN (mDNS), for the address field. */
  discover: procedure('company.manage').mutation(({ ctx }) => discoverHosts(ctx.services)),
  save: procedure('company.manage')
    .input(modeSaveInput)
    .mutation(({ ctx, input }) => saveMode(ctx.services, ctx.actor, input)),
})
