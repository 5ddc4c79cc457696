import { getModeInfo, saveMode, testHostConnection } from '@core/mode'
import { connectionTestInput, modeSaveInput } from '@shared/schemas'
import { procedure, router } from '../trpc'

/** Pengaturan → Mode: host or client for this PC's next start, and how the LAN reaches it. */
export const modeRouter = router({
  get: procedure('company.view').query(({ ctx }) => getModeInfo(ctx.services)),
  /** Server-side, so the answer is what this host sees of the other one. */
  testConnection: procedure('company.manage')
    .input(connectionTestInput)
    .mutation(({ ctx, input }) => testHostConnection(input.hostUrl, ctx.services.version)),
  save: procedure('company.manage')
    .input(modeSaveInput)
    .mutation(({ ctx, input }) => saveMode(ctx.services, ctx.actor, input)),
})
