import type { CoreDeps } from '../deps'

/** What messaging needs beyond the core. */
export interface MessagingDeps extends CoreDeps {
  /** Told when messages were queued, so the host's sender wakes up instead of waiting for its tick. */
  onMessages?: () => void
}
