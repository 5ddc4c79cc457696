import type { SkipReason } from '@shared/billing'
import { dateInZone, type CalendarDate } from '@shared/dates'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Db } from '../db'
import type { CoreDeps } from '../deps'
import { getBillingSettings } from '../settings'
import { chunks } from './run-data'
import { writeInvoices } from './run-commit'
import { planRun, type Skipped } from './run-plan'
import { writeTerminationCredits } from './termination'
import { usageFromCounters, type UsageSource } from './usage'

type CompanyActor = Actor & { companyId: number }

export interface RunOptions {
  period: string
  asOf?: CalendarDate
  dryRun?: boolean
  usage?: UsageSource
  /** Invoices per write transaction: short transactions keep the counter responsive. */
  batchSize?: number
  /** Called after each committed batch (progress for the UI, the crash test's hook). */
  onBatch?: (done: number, total: number) => void
}

export interface RunResult {
  period: string
  asOf: CalendarDate
  dryRun: boolean
  runId: number | null
  invoices: number
  total: number
  skipped: Skipped[]
  /** How many of each skip reason, for the preview's summary. */
  skippedByReason: Partial<Record<SkipReason, number>>
  creditNotes: number
  /** A few of the invoices the run makes (the preview shows them). */
  sample: { customer: string; name: string; total: number; lines: number }[]
}

/** The names of a few customers (the preview's sample; the plan itself carries codes only). */
async function customerNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map()
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

function countReasons(skipped: Skipped[]) {
  const counts: Partial<Record<SkipReason, number>> = {}
  for (const s of skipped) counts[s.reason] = (counts[s.reason] ?? 0) + 1
  return counts
}

/**
 * The invoice run for a period (rules 1–8, 15–18): plan, then write in short batches. Safe to
 * start twice, also at once (rule 4): each batch re-checks what is billed under the write lock.
 * A crash between batches leaves whole batches only; the next run bills the rest.
 */
export async function runBilling(
  deps: CoreDeps,
  actor: CompanyActor,
  o: RunOptions,
  timeZone: string,
): Promise<RunResult> {
  const asOf = o.asOf ?? dateInZone(deps.clock.now(), timeZone)
  const settings = await getBillingSettings(deps.db, actor.companyId)
  const plan = await planRun(deps.db, actor.companyId, {
    period: o.period,
    asOf,
    settings,
    // Rule 17 is live wherever the run starts (UI, API, CLI, the scheduled job): the collected
    // counters are the usage source unless a caller brings its own.
    usage: o.usage ?? usageFromCounters(deps.db),
  })
  const shown = plan.invoices.slice(0, 20)
  const names = await customerNames(
    deps.db,
    shown.map((i) => i.customerId),
  )
  const sample = shown.map((i) => ({
    customer: i.customerCode,
    name: names.get(i.customerId) ?? '',
    total: i.total,
    lines: i.lines.length,
  }))
  if (o.dryRun) {
    return {
      period: o.period,
      asOf,
      dryRun: true,
      runId: null,
      invoices: plan.invoices.length,
      total: plan.total,
      skipped: plan.skipped,
      skippedByReason: countReasons(plan.skipped),
      creditNotes: 0,
      sample,
    }
  }

  const startedAt = deps.clock.now().toISOString()
  // Like the batches, the run's row need not wait for the disk: the last commit flushes it, and
  // a power cut before that loses the row together with every batch that names it.
  const run = await writeTx(
    deps.db,
    (tx) =>
      tx
        .insertInto('billing_runs')
        .values({
          company_id: actor.companyId,
          period: o.period,
          as_of: asOf,
          status: 'running',
          invoices: 0,
          total: 0,
          skipped_json: '[]',
          user_id: actor.userId,
          username: actor.username,
          started_at: startedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    { flushWithNextCommit: true },
  )

  let invoices = 0
  let total = 0
  const skipped = [...plan.skipped]
  const batches = chunks(plan.invoices, o.batchSize ?? 5000)
  for (const batch of batches) {
    const {
      written,
      total: batchTotal,
      dropped,
    } = await writeTx(
      deps.db,
      (tx) =>
        writeInvoices(
          tx,
          {
            companyId: actor.companyId,
            runId: run.id,
            settings,
            period: o.period,
            at: deps.clock.now().toISOString(),
            username: actor.username,
          },
          batch,
        ),
      // A batch lost to a power cut is billed by the next run; the run's last commit flushes all.
      { flushWithNextCommit: true },
    )
    invoices += written
    total += batchTotal
    for (const d of dropped) {
      skipped.push({ customer: d.customerCode, service: '', reason: 'already_billed' })
    }
    o.onBatch?.(invoices, plan.invoices.length)
  }
  const creditNotes =
    settings.termination === 'credit_unused' ? await writeTerminationCredits(deps, actor, asOf) : 0

  await writeTx(deps.db, async (tx) => {
    await tx
      .updateTable('billing_runs')
      .set({
        status: 'done',
        invoices,
        total,
        skipped_json: JSON.stringify(skipped.filter((s) => s.reason !== 'already_billed')),
        finished_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', run.id)
      .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'billing.run',
      entityType: 'billing_run',
      entityId: run.id,
      after: {
        period: o.period,
        as_of: asOf,
        invoices,
        total,
        credit_notes: creditNotes,
        skipped: countReasons(skipped),
      },
    })
  })
  return {
    period: o.period,
    asOf,
    dryRun: false,
    runId: run.id,
    invoices,
    total,
    skipped,
    skippedByReason: countReasons(skipped),
    creditNotes,
    sample,
  }
}
