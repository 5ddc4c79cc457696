import { z } from 'zod'
import { idSchema } from './common'

/**
 * The scheduler's jobs, named as the CLI names them (`jobs run <job>`), in the order a whole day
 * runs them (`jobs run daily`): bill, restore who paid, remind, isolate, push the router and
 * message queues, then tell the office what needs attention, and compare routers last.
 */
export const JOB_NAMES = [
  'invoices',
  'restore',
  'reminders',
  'isolir',
  'device-queue',
  'messages',
  'notifications',
  'reconcile',
  'ticket-sla',
  'gateway-poll',
  'olt-poll',
  'usage-collect',
] as const
export type JobName = (typeof JOB_NAMES)[number]

export function isJobName(value: string): value is JobName {
  return (JOB_NAMES as readonly string[]).includes(value)
}

export const JOB_RUN_STATUSES = ['running', 'done', 'failed'] as const
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number]
export const JOB_TRIGGERS = ['schedule', 'manual', 'cli'] as const
export type JobTrigger = (typeof JOB_TRIGGERS)[number]

/**
 * When a job runs, in the company's time zone. Kept as words rather than cron text so the page
 * can say "setiap hari 08:00"; `cronOf` gives the croner pattern. A continuous job has no time:
 * a background worker of the host runs it whenever there is work.
 */
export type JobWhen =
  | { kind: 'daily'; at: string; variant?: string }
  | { kind: 'every_minutes'; minutes: number; offset: number; variant?: string }
  | { kind: 'hourly'; minute: number; variant?: string }
  | { kind: 'continuous' }

/** The croner pattern of a schedule (minute precision); null for a continuous job. */
export function cronOf(when: JobWhen): string | null {
  switch (when.kind) {
    case 'daily': {
      const [h, m] = when.at.split(':').map(Number) as [number, number]
      return `${m} ${h} * * *`
    }
    case 'every_minutes':
      return `${when.offset}-59/${when.minutes} * * * *`
    case 'hourly':
      return `${when.minute} * * * *`
    case 'continuous':
      return null
  }
}

export const jobNameSchema = z.enum(JOB_NAMES, { message: 'validation.invalid' })

export const jobInput = z.object({ job: jobNameSchema })

export const jobRunsInput = z.object({
  job: jobNameSchema.nullable().default(null),
  status: z.enum(JOB_RUN_STATUSES).nullable().default(null),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
})
export type JobRunsInput = z.infer<typeof jobRunsInput>

export const jobRunInput = z.object({ id: idSchema })

export const jobPreviewInput = z.object({
  job: jobNameSchema,
  count: z.number().int().min(1).max(20).default(5),
})
