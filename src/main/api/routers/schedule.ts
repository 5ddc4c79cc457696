import { dateInZone } from '@shared/dates'
import { jobInput, jobPreviewInput, jobRunInput, jobRunsInput } from '@shared/schemas'
import {
  getRun,
  listJobs,
  listRuns,
  previewJob,
  setJobPaused,
  startJobInBackground,
} from '@core/scheduler'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

/** "Jadwal & riwayat": the scheduled jobs, their recorded runs, pause/resume and run by hand. */
export const scheduleRouter = router({
  jobs: procedure('schedule.view').query(({ ctx }) => listJobs(ctx.services, ctx.user.companyId)),
  runs: procedure('schedule.view')
    .input(jobRunsInput)
    .query(({ ctx, input }) => listRuns(ctx.services.db, ctx.user.companyId, input)),
  run: procedure('schedule.view')
    .input(jobRunInput)
    .query(({ ctx, input }) => getRun(ctx.services.db, ctx.user.companyId, input.id)),
  preview: procedure('schedule.view')
    .input(jobPreviewInput)
    .query(async ({ ctx, input }) => ({
      job: input.job,
      times: await previewJob(ctx.services, ctx.user.companyId, input.job, input.count),
    })),
  pause: procedure('schedule.manage')
    .input(jobInput)
    .mutation(({ ctx, input }) => setJobPaused(ctx.services, ctx.actor, input.job, true)),
  resume: procedure('schedule.manage')
    .input(jobInput)
    .mutation(({ ctx, input }) => setJobPaused(ctx.services, ctx.actor, input.job, false)),
  /** Starts the job as of today and answers at once with the run's id; the page polls it. */
  runNow: procedure('schedule.manage')
    .input(jobInput)
    .mutation(async ({ ctx, input }) =>
      startJobInBackground(ctx.services, {
        companyId: ctx.user.companyId,
        job: input.job,
        asOf: dateInZone(ctx.services.clock.now(), await timeZoneOf(ctx)),
        trigger: 'manual',
        actor: ctx.actor,
      }),
    ),
})
