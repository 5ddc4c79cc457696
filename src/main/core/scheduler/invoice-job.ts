import { calendarDate } from '@shared/dates'
import { runBilling } from '../billing'
import { queueInvoiceNotices, type AutopilotDeps } from '../collections'
import type { JobContext, JobCounts } from '../deps'
import { getBillingSettings } from '../settings'
import type { JobOutcome } from './registry'

/**
 * On the company's billing day: the month's invoice run. Every day: the "tagihan terbit"
 * messages of invoices whose issue date has come (a run on the 1st dates anniversary services'
 * invoices later in the month). Both are idempotent (rule 4 and the outbox's dedupe keys), so a
 * replayed or twice-started day bills and messages nobody twice.
 */
export async function runInvoiceJob(deps: AutopilotDeps, ctx: JobContext): Promise<JobOutcome> {
  const settings = await getBillingSettings(deps.db, ctx.companyId)
  const counts: JobCounts = {}
  if (Number(ctx.asOf.slice(8, 10)) !== settings.defaultBillingDay) {
    counts.not_due = 1
  } else {
    const run = await runBilling(
      deps,
      ctx.actor,
      { period: ctx.asOf.slice(0, 7), asOf: calendarDate(ctx.asOf) },
      ctx.timeZone,
    )
    counts.invoices = run.invoices
    counts.total = run.total
    counts.already_billed = run.skippedByReason.already_billed ?? 0
    counts.skipped = run.skipped.filter((s) => s.reason !== 'already_billed').length
  }
  const notices = await queueInvoiceNotices(deps, ctx, null)
  for (const [key, value] of Object.entries(notices)) {
    if (value) counts[`notices_${key}`] = value
  }
  return { counts }
}
