/**
 * One-time codes: one service for staff 2FA, self-service password reset and (next) the customer
 * portal's sign-in. 6 digits, 10 minutes, single use, 5 wrong codes lock for 15 minutes, a new
 * code after 60 s; codes stored hashed and sent ahead of the outbox's rate-limited queue.
 */
export {
  OTP_MAX_SENDS_PER_HOUR,
  OTP_RESEND_MS,
  OTP_TTL_MS,
  resendChallenge,
  startChallenge,
} from './challenges'
export type { ChallengeStart, OtpPurpose, StartedChallenge } from './challenges'
export { codeWouldPass, verifyChallenge } from './verify'
export type { VerifiedChallenge } from './verify'
export { OTP_LOCK_MS, OTP_MAX_FAILURES } from './otp-locks'
export { hashChallengeToken, maskRecipient, newChallengeToken } from './codes'
export type { OtpRecipient } from './delivery'
