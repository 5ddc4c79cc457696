import { calendarDate } from '@shared/dates'
import { runBilling } from '../billing'
import { queueInvoiceNotices, type AutopilotDeps } from '../collections'
import type { JobContext, JobCounts } from '../deps'
import { getBillingSettings } from '../settings'
import type { JobOutcome } from './registry'

/**
 * On the company's billing day: the month's invoice run, then the "tagihan terbit" messages of
 * what it issued. Both are idempotent (rule 4 and the outbox's dedupe keys), so a replayed or
 * twice-started day bills and messages nobody twice. Any other day there is nothing to do.
 */
export async function runInvoiceJob(deps: AutopilotDeps, ctx: JobContext): Promise<JobOutcome> {
  const settings = await getBillingSettings(deps.db, ctx.companyId)
  if (Number(ctx.asOf.slice(8, 10)) !== settings.defaultBillingDay) {
    return { counts: { not_due: 1 } }
  }
  const run = await runBilling(
    deps,
    ctx.actor,
    { period: ctx.asOf.slice(0, 7), asOf: calendarDate(ctx.asOf) },
    ctx.timeZone,
  )
  const counts: JobCounts = {
    invoices: run.invoices,
    total: run.total,
    already_billed: run.skippedByReason.already_billed ?? 0,
    skipped: run.skipped.filter((s) => s.reason !== 'already_billed').length,
  }
  if (run.runId !== null && run.invoices > 0) {
    const notices = await queueInvoiceNotices(deps, ctx, run.runId)
    for (const [key, value] of Object.entries(notices)) counts[`notices_${key}`] = value
  }
  return { counts }
}
