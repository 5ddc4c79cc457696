import { aboutInfo } from '@core/about'
import { AppError } from '@shared/errors'
import type { UpdateState } from '@shared/updates'
import { DESKTOP_IP, type ApiContext } from '../context'
import { procedure, router } from '../trpc'

/**
 * Only the desktop window on the host PC decides about its own update; a LAN browser sees the
 * page without it (it updates nothing: its desktop, if any, has its own window).
 */
function desktopUpdates(ctx: ApiContext) {
  return ctx.caller.ip === DESKTOP_IP ? (ctx.services.desktopUpdates ?? null) : null
}

/** "Tentang Loket": version, database, data directory, release notes; the desktop's update. */
export const aboutRouter = router({
  info: procedure('company.manage').query(({ ctx }) =>
    aboutInfo({
      db: ctx.services.db,
      version: ctx.services.version,
      dataDir: ctx.services.dataDir,
      changelogFile: ctx.services.changelogFile ?? '',
    }),
  ),
  update: procedure('company.manage').query(({ ctx }): UpdateState | null => {
    return desktopUpdates(ctx)?.state ?? null
  }),
  /** Install the downloaded version at the next restart. */
  agreeUpdate: procedure('company.manage').mutation(({ ctx }) => {
    const updates = desktopUpdates(ctx)
    if (!updates) throw new AppError('FORBIDDEN', 'updates are decided in the host desktop')
    updates.agree()
    return updates.state
  }),
  /**
   * Restart now and install. Not awaited: the restart waits for every mutation in flight,
   * this one included, to end.
   */
  restartForUpdate: procedure('company.manage').mutation(({ ctx }) => {
    const updates = desktopUpdates(ctx)
    if (!updates) throw new AppError('FORBIDDEN', 'updates are decided in the host desktop')
    void updates.restartNow()
    return updates.state
  }),
})
