// Stubs with the agreed signatures; replaced by the real implementations.
import type { TemplateValues } from '@shared/messaging'
import type { Actor } from '../audit'
import type { Db } from '../db'
import type { JobContext, JobCounts } from '../deps'
import type { AutopilotDeps } from './deps'

export type { AutopilotDeps } from './deps'

const todo = (): never => {
  throw new Error('not implemented yet')
}

/** Reminder job: queues reminders for invoices due at each offset (rule 28). */
export async function runReminders(_deps: AutopilotDeps, _ctx: JobContext): Promise<JobCounts> {
  return todo()
}
/** Isolir job: isolates what the day's preview lists (rule 29). */
export async function runAutoIsolir(_deps: AutopilotDeps, _ctx: JobContext): Promise<JobCounts> {
  return todo()
}
/** Restore job: restores isolated services whose overdue balance is zero (rule 30). */
export async function runRestore(_deps: AutopilotDeps, _ctx: JobContext): Promise<JobCounts> {
  return todo()
}
/** After a payment: receipt message, and restore at once when policy allows. */
export async function afterPayment(
  _deps: AutopilotDeps,
  _actor: Actor & { companyId: number },
  _payment: { customerId: number; paymentId: number },
  _timeZone: string,
): Promise<JobCounts> {
  return todo()
}
/** After an invoice run: "tagihan terbit" messages for the run's invoices. */
export async function queueInvoiceNotices(
  _deps: AutopilotDeps,
  _ctx: JobContext,
  _runId: number,
): Promise<JobCounts> {
  return todo()
}
/** The template variables for one customer as of a day (preview with a real customer). */
export async function customerTemplateValues(
  _db: Db,
  _companyId: number,
  _customerId: number,
  _asOf: string,
): Promise<TemplateValues> {
  return todo()
}
