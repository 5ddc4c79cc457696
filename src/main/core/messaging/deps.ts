import type { CoreDeps } from '../deps'
import type { WhatsappSessions } from './baileys-session'

/** What messaging needs beyond the core. */
export interface MessagingDeps extends CoreDeps {
  /** Told when messages were queued, so the host's sender wakes up instead of waiting for its tick. */
  onMessages?: () => void
  /**
   * Told when an urgent message (a one-time code) was queued: the host sends it at once, ahead
   * of the rate-limited queue and beside any run already going.
   */
  onUrgentMessages?: () => void
  /** The data directory (the WhatsApp Web session is kept in it). */
  dataDir?: string
  /**
   * The host's WhatsApp Web sessions (baileys). Absent in the CLI: one linked session may be open
   * in one process only, so baileys messages wait for the host.
   */
  whatsapp?: WhatsappSessions
}
