import { renderTemplate, type TemplateValues } from '@shared/messaging'
import type { JobCounts } from '../deps'
import type { MessageTemplate, QueueResult } from '../messaging'

/** A template filled in: e-mail uses the subject, WhatsApp the body alone. */
export function render(tpl: MessageTemplate, values: TemplateValues) {
  return { subject: renderTemplate(tpl.subject, values), body: renderTemplate(tpl.body, values) }
}

/** The outbox's answer as a job's counts: queued, skipped, duplicates and skipped_<reason>. */
export function queueCounts(result: QueueResult, prefix = ''): JobCounts {
  const counts: JobCounts = {
    [`${prefix}queued`]: result.queued,
    [`${prefix}skipped`]: result.skipped,
    [`${prefix}duplicates`]: result.duplicates,
  }
  for (const [reason, n] of Object.entries(result.byReason))
    counts[`${prefix}skipped_${reason}`] = n
  return counts
}

export const EMPTY_QUEUE: QueueResult = { queued: 0, skipped: 0, duplicates: 0, byReason: {} }
