import { describe, expect, it } from 'vitest'
import { setChannel } from '../messaging'
import { OWNER, client } from '../testing'
import { codeOf, otpFixture, wrong } from '../otp/testing'
import {
  getTwoFactor,
  login,
  resolveSession,
  revokeTrustedDevice,
  setTwoFactor,
  verifySignInCode,
  type LoginResult,
} from './index'
import { setLock } from './lockouts'

function challengeOf(result: LoginResult): string {
  if (!result.otpRequired) throw new Error('expected the code step')
  return result.challenge
}

/** A company whose superadmins must confirm a sign-in with a WhatsApp code. */
async function twoFactorFixture() {
  const f = await otpFixture()
  await f.db.updateTable('users').set({ phone: '6281234500001' }).execute()
  await setChannel(f.deps, f.actor, {
    provider: 'fonnte',
    token: 'token-uji',
    baseUrl: 'http://127.0.0.1:9',
  })
  const acting = { userId: f.ownerId, role: 'superadmin' as const }
  await setTwoFactor(f.deps, f.actor, acting, {
    mode: 'roles',
    roles: ['superadmin'],
    userIds: [],
  })
  const signIn = (deviceToken?: string, ip = '192.0.2.10') =>
    login(f.deps, { ...OWNER, deviceToken }, client(ip))
  return { ...f, acting, signIn }
}

describe('staff 2FA by WhatsApp code', () => {
  it('the right password gives a challenge, not a session; the code gives the session', async () => {
    const f = await twoFactorFixture()
    const first = await f.signIn()
    expect(first).toMatchObject({ otpRequired: true, token: null, to: '62812•••••001' })
    expect(await f.db.selectFrom('sessions').select('id').execute()).toHaveLength(0)
    const code = await f.lastCode()
    const done = await verifySignInCode(
      f.deps,
      { challenge: challengeOf(first), code, trustDevice: false },
      client(),
    )
    expect((await resolveSession(f.deps, done.token)).username).toBe('owner')
    expect(done.deviceToken).toBeUndefined()
  })

  it('a trusted device skips the code for 30 days', async () => {
    const f = await twoFactorFixture()
    const first = await f.signIn()
    const { deviceToken } = await verifySignInCode(
      f.deps,
      { challenge: challengeOf(first), code: await f.lastCode(), trustDevice: true },
      client(),
    )
    expect((await f.signIn(deviceToken)).otpRequired).toBe(false)
    f.clock.advanceDays(29)
    expect((await f.signIn(deviceToken)).otpRequired).toBe(false)
    f.clock.advanceDays(1)
    expect((await f.signIn(deviceToken)).otpRequired).toBe(true)
  })

  it('a revoked trusted device asks for the code again', async () => {
    const f = await twoFactorFixture()
    const first = await f.signIn()
    const { deviceToken } = await verifySignInCode(
      f.deps,
      { challenge: challengeOf(first), code: await f.lastCode(), trustDevice: true },
      client(),
    )
    const [device] = await f.db.selectFrom('trusted_devices').selectAll().execute()
    expect(device).toMatchObject({ name: 'vitest-browser', user_id: f.ownerId })
    expect(device!.token_hash).not.toContain(deviceToken!)
    await revokeTrustedDevice(f.deps, f.actor, { userId: f.ownerId, deviceId: device!.id })
    f.clock.advanceMinutes(1)
    expect((await f.signIn(deviceToken)).otpRequired).toBe(true)
  })

  it('a covered user without a WhatsApp number is told to ask the superadmin', async () => {
    const f = await twoFactorFixture()
    await f.db.updateTable('users').set({ phone: null }).execute()
    expect(await codeOf(f.signIn())).toBe('OTP_NO_PHONE')
    expect((await getTwoFactor(f.deps, f.companyId)).withoutNumber).toEqual([
      { id: f.ownerId, name: 'Pemilik', username: 'owner' },
    ])
  })

  it('5 wrong codes lock the code step for 15 minutes; the password then sends no new code', async () => {
    const f = await twoFactorFixture()
    const challenge = challengeOf(await f.signIn())
    const code = await f.lastCode()
    for (let i = 0; i < 5; i++) {
      await codeOf(
        verifySignInCode(f.deps, { challenge, code: wrong(code), trustDevice: false }, client()),
      )
    }
    f.clock.advanceMinutes(1)
    const messages = await f.db.selectFrom('messages').select('id').execute()
    expect(await codeOf(f.signIn())).toBe('OTP_LOCKED')
    expect(await f.db.selectFrom('messages').select('id').execute()).toHaveLength(messages.length)
  })

  it('a sign-in lock that falls while the code is typed refuses the session', async () => {
    const f = await twoFactorFixture()
    const challenge = challengeOf(await f.signIn())
    const code = await f.lastCode()
    await setLock(f.db, f.clock, 'user:owner')
    expect(
      await codeOf(verifySignInCode(f.deps, { challenge, code, trustDevice: false }, client())),
    ).toBe('AUTH_LOCKED')
  })
})

describe('the 2FA rule', () => {
  it('only a superadmin sets it, and only with the WhatsApp channel on', async () => {
    const f = await otpFixture()
    await f.db.updateTable('users').set({ phone: '6281234500001' }).execute()
    const rule = { mode: 'roles' as const, roles: ['admin_billing' as const], userIds: [] }
    expect(
      await codeOf(
        setTwoFactor(f.deps, f.actor, { userId: f.ownerId, role: 'admin_billing' }, rule),
      ),
    ).toBe('SUPERADMIN_ONLY')
    expect(
      await codeOf(setTwoFactor(f.deps, f.actor, { userId: f.ownerId, role: 'superadmin' }, rule)),
    ).toBe('TWO_FACTOR_NEEDS_WHATSAPP')
  })

  it('a superadmin cannot shut themselves out with it', async () => {
    const f = await otpFixture()
    await setChannel(f.deps, f.actor, {
      provider: 'fonnte',
      token: 't',
      baseUrl: 'http://127.0.0.1:9',
    })
    const acting = { userId: f.ownerId, role: 'superadmin' as const }
    expect(
      await codeOf(
        setTwoFactor(f.deps, f.actor, acting, { mode: 'users', roles: [], userIds: [f.ownerId] }),
      ),
    ).toBe('TWO_FACTOR_SELF_NO_PHONE')
  })

  it('is off by default: every existing sign-in keeps working', async () => {
    const f = await otpFixture()
    expect((await getTwoFactor(f.deps, f.companyId)).mode).toBe('off')
    expect((await login(f.deps, OWNER, client())).otpRequired).toBe(false)
  })
})
