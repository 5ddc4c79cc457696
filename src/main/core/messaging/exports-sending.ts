// Stubs with the agreed signatures; replaced by the real implementations (channels, transports, sender).
import type { JobContext, JobCounts } from '../deps'
import type { MessagingDeps } from './deps'

/** The `messages` job: sends what is due in the outbox, within each channel's rate limit. */
export async function sendDueMessages(
  _deps: MessagingDeps,
  _ctx: Pick<JobContext, 'companyId'>,
): Promise<JobCounts> {
  throw new Error('not implemented yet')
}
