import { calendarDate } from '@shared/dates'
import { AppError } from '@shared/errors'
import type { JobContext, JobCounts } from '../deps'
import { listOlts, type OltDeps } from './olts'
import { pruneHistory } from './onus'
import { pollOlt } from './poll'

/**
 * The `olt-poll` job: reads every active OLT (one after the other: one OLT that does not answer
 * costs its timeout and nothing else), keeps today's RX row per ONU and prunes old history. Only
 * when no OLT answers does the run fail.
 */
export async function runOltPoll(
  deps: OltDeps,
  ctx: JobContext,
): Promise<{ counts: JobCounts; detail: Record<string, unknown> }> {
  const olts = (await listOlts(deps.db, ctx.companyId)).filter((o) => o.active)
  const counts: JobCounts = { olts: olts.length, onus: 0, unreachable: 0, linked: 0, pruned: 0 }
  const problems: { olt: string; error: string }[] = []
  for (const olt of olts) {
    try {
      const r = await pollOlt(deps, ctx.companyId, olt.id)
      counts.onus! += r.onus
      counts.linked! += r.linked
    } catch (error) {
      counts.unreachable! += 1
      problems.push({
        olt: olt.name,
        error: error instanceof AppError ? error.code : String(error),
      })
    }
  }
  counts.pruned = await pruneHistory(deps.db, ctx.companyId, calendarDate(ctx.asOf))
  if (olts.length > 0 && counts.unreachable === olts.length)
    throw new Error(problems.map((p) => `${p.olt}: ${p.error}`).join('; '))
  return { counts, detail: { problems } }
}
