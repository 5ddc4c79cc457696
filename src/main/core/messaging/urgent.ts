import type { SecretBox } from '../secrets'

/**
 * Urgent messages (priority 1: one-time codes) go out ahead of the rate-limited queue: the
 * sender claims them first and outside the channel's per-minute room, and the host wakes a run
 * for them alone, beside any run already sending reminders. Their code is sealed beside the
 * body and put in only at the moment of sending.
 */

/** A code is worth nothing after 10 minutes: an urgent message not sent by then is given up. */
export const URGENT_TTL_MS = 10 * 60_000

/** The text to send: `{otp}` replaced by the sealed code (null when the seal cannot be opened). */
export function withSecret(
  secrets: SecretBox,
  text: string | null,
  sealed: string | null,
): string | null {
  if (text === null || !sealed) return text
  return text.replaceAll('{otp}', secrets.open(sealed))
}
