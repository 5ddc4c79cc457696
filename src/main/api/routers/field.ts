import { FIELD_KINDS, fieldTasks, syncFieldCommands, type FieldCaller } from '@core/field'
import type { SessionUser } from '@core/auth'
import type { Actor } from '@core/audit'
import type { Permission } from '@shared/permissions'
import { fieldSyncInput } from '@shared/schemas'
import { procedure, router } from '../trpc'

/** Whoever may send at least one kind of command may open the phone page and sync. */
const FIELD_PERMISSIONS: readonly Permission[] = [
  ...new Set<Permission>(['tickets.view', ...FIELD_KINDS.map((k) => k.permission)]),
]

function callerOf(user: SessionUser, actor: Actor & { companyId: number }): FieldCaller {
  return {
    actor: { ...actor, userId: user.userId },
    timeZone: user.timeZone,
    can: (p) => user.permissions.has(p),
    moduleOn: (m) => user.modules[m],
  }
}

/**
 * The technician's phone (/lapangan): "Tugas saya" and the outbox it sends when the host is
 * reachable. Each command is checked on its own (its kind's permission and module, the ticket
 * still assigned to me and open) and answered applied / duplicate / conflict; one refusal never
 * fails the batch.
 */
export const fieldRouter = router({
  tasks: procedure(FIELD_PERMISSIONS).query(({ ctx }) =>
    fieldTasks(ctx.services, callerOf(ctx.user, ctx.actor)),
  ),
  sync: procedure(FIELD_PERMISSIONS)
    .input(fieldSyncInput)
    .mutation(async ({ ctx, input }) => ({
      results: await syncFieldCommands(ctx.services, callerOf(ctx.user, ctx.actor), input.commands),
    })),
})
