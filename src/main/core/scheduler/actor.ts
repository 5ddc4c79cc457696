import type { Actor } from '../audit'

/** Who the audit log names for what the schedule did on its own. */
export function schedulerActor(companyId: number): Actor & { companyId: number } {
  return {
    companyId,
    userId: null,
    username: 'system:jadwal',
    ip: 'scheduler',
    userAgent: 'loket-scheduler',
  }
}
