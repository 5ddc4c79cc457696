import { AppError } from '@shared/errors'
import { messagingFixture } from '../messaging/testing'
import { startChallenge, verifyChallenge, type OtpPurpose } from './index'

/**
 * Test fixtures of the OTP service: a company whose owner has a WhatsApp number, a way to start
 * a challenge for the owner, and the code as the recipient would read it (the sealed code of
 * the newest OTP message: the only place it exists, until sent).
 */
export const OWNER_WA = '6281234500001'

export async function otpFixture(start?: string) {
  const f = await messagingFixture(start)
  const actor = {
    companyId: f.companyId,
    userId: f.ownerId,
    username: 'owner',
    ip: '192.0.2.10',
    userAgent: 'vitest-browser',
  }
  const challenge = (purpose: OtpPurpose = 'staff_sign_in') =>
    startChallenge(f.deps, {
      companyId: f.companyId,
      purpose,
      subject: { key: `user:${f.ownerId}`, userId: f.ownerId },
      to: { channel: 'whatsapp', address: OWNER_WA },
      actor,
    })
  const lastCode = async () => {
    const row = await f.db
      .selectFrom('messages')
      .select('secret_sealed')
      .where('kind', '=', 'otp')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    return f.deps.secrets.open(row.secret_sealed!)
  }
  const verify = (token: string, code: string, purpose: OtpPurpose = 'staff_sign_in') =>
    verifyChallenge(f.deps, { challenge: token, code, purpose, actor }, async () => 'verified')
  return { ...f, actor, challenge, lastCode, verify }
}

export const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  )

/** A code that is not `code` (the next one, wrapping at 999999). */
export const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')
