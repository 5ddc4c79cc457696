import { describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../audit'
import { resendChallenge } from './index'
import { OWNER_WA, codeOf, otpFixture, wrong } from './testing'

describe('one-time codes', () => {
  it('are 6 digits, kept only as a hash, and the outbox holds {otp} with the code sealed', async () => {
    const f = await otpFixture()
    const started = await f.challenge()
    const code = await f.lastCode()
    expect(code).toMatch(/^\d{6}$/)
    expect(started).toMatchObject({ channel: 'whatsapp', to: '62812•••••001' })
    const challenge = await f.db.selectFrom('otp_challenges').selectAll().executeTakeFirstOrThrow()
    expect(JSON.stringify(challenge)).not.toContain(code)
    expect(JSON.stringify(challenge)).not.toContain(started.challenge)
    const message = await f.db.selectFrom('messages').selectAll().executeTakeFirstOrThrow()
    expect(message).toMatchObject({
      kind: 'otp',
      priority: 1,
      recipient: OWNER_WA,
      status: 'antri',
    })
    expect(message.body).toContain('{otp}')
    expect(`${message.body}${message.subject}${message.secret_sealed}`).not.toContain(code)
  })

  it('the right code works once', async () => {
    const f = await otpFixture()
    const { challenge } = await f.challenge()
    const code = await f.lastCode()
    expect(await codeOf(f.verify(challenge, code))).toBe('ok')
    expect(await codeOf(f.verify(challenge, code))).toBe('OTP_EXPIRED')
  })

  it('a code is valid for 10 minutes', async () => {
    const f = await otpFixture()
    const { challenge } = await f.challenge()
    const code = await f.lastCode()
    f.clock.advanceMinutes(10)
    expect(await codeOf(f.verify(challenge, code))).toBe('OTP_EXPIRED')
  })

  it('5 wrong codes lock for 15 minutes, even the right code and new codes are refused meanwhile', async () => {
    const f = await otpFixture()
    const { challenge } = await f.challenge()
    const code = await f.lastCode()
    for (let i = 1; i <= 4; i++)
      expect(await codeOf(f.verify(challenge, wrong(code)))).toBe('OTP_INVALID')
    expect(await codeOf(f.verify(challenge, wrong(code)))).toBe('OTP_LOCKED')
    expect(await codeOf(f.verify(challenge, code))).toBe('OTP_LOCKED')
    f.clock.advanceMinutes(2)
    expect(await codeOf(f.challenge())).toBe('OTP_LOCKED')
    f.clock.advanceMinutes(12)
    expect(await codeOf(f.challenge())).toBe('OTP_LOCKED')
    f.clock.advanceMinutes(1)
    const fresh = await f.challenge()
    expect(await codeOf(f.verify(fresh.challenge, await f.lastCode()))).toBe('ok')
  })

  it('every send and wrong code is audited without the code; a lock gets one entry with its count', async () => {
    const f = await otpFixture()
    const { challenge } = await f.challenge()
    const code = await f.lastCode()
    for (let i = 0; i < 5; i++) await codeOf(f.verify(challenge, wrong(code)))
    for (let i = 0; i < 40; i++) await codeOf(f.verify(challenge, code))
    f.clock.advanceMinutes(15)
    await f.challenge()
    const rows = await f.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('action', 'like', 'otp.%')
      .orderBy('id')
      .execute()
    expect(rows.map((r) => r.action)).toEqual([
      'otp.sent',
      ...Array.from({ length: 5 }, () => 'otp.failure'),
      'otp.locked',
      'otp.sent',
    ])
    expect(JSON.parse(rows[6]!.after_json!)).toMatchObject({
      purpose: 'staff_sign_in',
      refused: 40,
    })
    expect(JSON.stringify(rows)).not.toContain(code)
    expect(await verifyAuditChain(f.db)).toMatchObject({ ok: true })
  })

  it('a new code only after 60 seconds; it replaces the old one', async () => {
    const f = await otpFixture()
    const { challenge } = await f.challenge()
    const first = await f.lastCode()
    f.clock.advanceMinutes(0.5)
    expect(await codeOf(f.challenge())).toBe('OTP_RESEND_TOO_SOON')
    f.clock.advanceMinutes(0.5)
    await resendChallenge(f.deps, { challenge, purpose: 'staff_sign_in' }, f.actor)
    const second = await f.lastCode()
    if (second !== first) expect(await codeOf(f.verify(challenge, first))).toBe('OTP_INVALID')
    expect(await codeOf(f.verify(challenge, second))).toBe('ok')
  })

  it('a code that was used does not hold the next one back: signing in again at once gets a code', async () => {
    const f = await otpFixture()
    const { challenge } = await f.challenge()
    expect(await codeOf(f.verify(challenge, await f.lastCode()))).toBe('ok')
    f.clock.advanceMinutes(0.25)
    const again = await f.challenge()
    expect(await codeOf(f.verify(again.challenge, await f.lastCode()))).toBe('ok')
  })

  it('at most 5 codes an hour for one user and purpose', async () => {
    const f = await otpFixture()
    for (let i = 0; i < 5; i++) {
      await f.challenge()
      f.clock.advanceMinutes(1)
    }
    expect(await codeOf(f.challenge())).toBe('OTP_TOO_MANY_SENDS')
    f.clock.advanceMinutes(56)
    expect(await codeOf(f.challenge())).toBe('ok')
  })
})
