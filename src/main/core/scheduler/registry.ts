import type { JobName, JobWhen } from '@shared/schemas'
import { runAutoIsolir, runReminders, runRestore, type AutopilotDeps } from '../collections'
import type { JobContext, JobCounts } from '../deps'
import { pollGateways } from '../gateways'
import { sendDueMessages } from '../messaging'
import { runDeviceQueue } from '../network'
import { runNotificationChecks } from '../notifications'
import { runTicketSlaCheck } from '../tickets'
import { runOltPoll } from '../olt'
import { getModules } from '../settings'
import { runUsageCollect } from '../usage'
import { runInvoiceJob } from './invoice-job'
import { runReconcileJob } from './reconcile-job'

/** What a job did: counts for its recorded run, and detail only the caller sees (the CLI's list). */
export interface JobOutcome {
  counts: JobCounts
  detail?: Record<string, unknown>
}

export interface JobDef {
  name: JobName
  /** When the scheduler starts it; `continuous` ones run in a host worker and by hand. */
  when: JobWhen[]
  /**
   * Whether the office may pause it. A continuous job only when its worker asks (the message
   * sender does; the router queue must keep applying what people changed).
   */
  pausable?: boolean
  /** `variant` comes from the schedule entry that fired (null: by hand, or a whole day). */
  run(deps: AutopilotDeps, ctx: JobContext, variant: string | null): Promise<JobOutcome>
}

export type JobRegistry = readonly JobDef[]

const counted =
  (fn: (deps: AutopilotDeps, ctx: JobContext) => Promise<JobCounts>) =>
  async (deps: AutopilotDeps, ctx: JobContext): Promise<JobOutcome> => ({
    counts: await fn(deps, ctx),
  })

/**
 * Every job, in the order a day runs them. Times avoid each other's minute (restore at :05, :15 …,
 * the hourly check at :30) so two jobs of one company rarely start together.
 */
export const JOBS: JobRegistry = [
  { name: 'invoices', when: [{ kind: 'daily', at: '00:10' }], run: runInvoiceJob },
  {
    name: 'restore',
    when: [{ kind: 'every_minutes', minutes: 10, offset: 5 }],
    run: counted(runRestore),
  },
  { name: 'reminders', when: [{ kind: 'daily', at: '08:00' }], run: counted(runReminders) },
  { name: 'isolir', when: [{ kind: 'daily', at: '09:00' }], run: counted(runAutoIsolir) },
  {
    name: 'device-queue',
    when: [{ kind: 'continuous' }],
    run: async (deps, ctx) => {
      const r = await runDeviceQueue(deps, {
        companyId: ctx.companyId,
        ignoreBackoff: true,
        // A person asked: a router that was just fixed is tried now, not after its backoff.
        freshConnections: ctx.trigger !== 'schedule',
      })
      return {
        counts: { applied: r.applied, failed: r.failed, retrying: r.retrying },
        detail: { applied: r.applied, failed: r.failed, retrying: r.retrying, jobs: r.jobs },
      }
    },
  },
  {
    name: 'messages',
    when: [{ kind: 'continuous' }],
    pausable: true,
    run: async (deps, ctx) => ({
      counts: await sendDueMessages(deps, { companyId: ctx.companyId }),
    }),
  },
  {
    name: 'notifications',
    when: [
      { kind: 'daily', at: '07:00' },
      { kind: 'hourly', minute: 30, variant: 'failures' },
    ],
    run: async (deps, ctx, variant) => ({
      counts: await runNotificationChecks(deps, ctx, variant === 'failures' ? 'failures' : 'all'),
    }),
  },
  { name: 'reconcile', when: [{ kind: 'daily', at: '02:00' }], run: runReconcileJob },
  // Every ten minutes at :02, :12 …: a breach reaches the assignee and the supervisors within ten
  // minutes of its due time. Does nothing while the Tiket module is off.
  {
    name: 'ticket-sla',
    when: [{ kind: 'every_minutes', minutes: 10, offset: 2 }],
    run: counted((deps, ctx) => runTicketSlaCheck(deps, ctx.companyId)),
  },
  // Every five minutes at :03, :08 …: online payments behind NAT (no callback reaches the
  // office) are found within minutes. Each transaction has its own next poll time (fresh ones
  // every few minutes, older ones half-hourly); a pass with nothing due costs one query.
  {
    name: 'gateway-poll',
    when: [{ kind: 'every_minutes', minutes: 5, offset: 3 }],
    run: async (deps, ctx) => {
      const r = await pollGateways(deps, ctx.companyId)
      return { counts: r.counts, detail: { changed: r.changed, errors: r.errors } }
    },
  },
  // Every fifteen minutes at :07, :22 …: ONU status and RX, one row of RX history per ONU per day.
  // Does nothing while the OLT & ACS module is off.
  {
    name: 'olt-poll',
    when: [{ kind: 'every_minutes', minutes: 15, offset: 7 }],
    run: async (deps, ctx) =>
      (await getModules(deps.db, ctx.companyId)).oltAcs
        ? runOltPoll(deps, ctx)
        : { counts: { module_off: 1 } },
  },
  // Every fifteen minutes at :04, :19 …: one print per router of its sessions' (and static
  // queues') byte counters; what moved since the last reading goes to each service's day.
  {
    name: 'usage-collect',
    when: [{ kind: 'every_minutes', minutes: 15, offset: 4 }],
    run: runUsageCollect,
  },
]

export function isContinuous(def: JobDef): boolean {
  return def.when.every((w) => w.kind === 'continuous')
}

export function isPausable(def: JobDef): boolean {
  return def.pausable ?? !isContinuous(def)
}
