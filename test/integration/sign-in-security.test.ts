import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startMessageSim, type MessageSim } from '../sim/messaging/index'
import { OWNER, apiCode, setupCompany, startTestHost, type TestHost } from '../helpers/http-host'

/**
 * Staff 2FA, Lupa kata sandi and Perangkat aktif over the real HTTP API, with the codes going
 * through the host's own outbox to the WhatsApp gateway simulator.
 */
let wa: MessageSim
let host: TestHost
let ownerToken: string
const OWNER_WA = '6281234500001'
const KASIR = { username: 'kasir1', password: 'Awal-Kasir-2026' }

beforeAll(async () => {
  wa = await startMessageSim()
})
afterAll(async () => {
  await wa.close()
})
beforeEach(async () => {
  host = await startTestHost()
  await setupCompany(host)
  ownerToken = (await host.client().auth.login.mutate(OWNER)).token!
  const owner = host.client(ownerToken)
  await owner.channels.set.mutate({ provider: 'fonnte', token: wa.tokens.fonnte, baseUrl: wa.url })
  await owner.users.update.mutate({
    id: 1,
    name: 'Pemilik',
    phone: '0812-3450-0001',
    email: '',
    role: 'superadmin',
  })
})
afterEach(async () => {
  await host.stop()
})

/** The code of the newest WhatsApp message to a number, once the host's sender delivered it. */
async function codeSentTo(number: string, after: number): Promise<string> {
  for (let i = 0; i < 500; i++) {
    const m = wa.received.slice(after).find((r) => r.target === number)
    if (m) return /(\d{6})/.exec(m.message)![1]!
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`no code reached ${number}`)
}

describe('staff 2FA over HTTP', () => {
  it('password, then the WhatsApp code, then a session; a trusted device skips the code', async () => {
    await host.client(ownerToken).company.setTwoFactor.mutate({
      mode: 'roles',
      roles: ['superadmin'],
      userIds: [],
    })
    const before = wa.received.length
    const first = await host.client().auth.login.mutate(OWNER)
    expect(first).toMatchObject({ otpRequired: true, token: null, to: '62812•••••001' })
    if (!first.otpRequired) throw new Error('expected the code step')
    const code = await codeSentTo(OWNER_WA, before)
    expect(
      await apiCode(
        host.client().auth.verifyOtp.mutate({ challenge: first.challenge, code: '000000' }),
      ),
    ).toBe(code === '000000' ? 'ok' : 'OTP_INVALID')
    const done = await host
      .client()
      .auth.verifyOtp.mutate({ challenge: first.challenge, code, trustDevice: true })
    expect((await host.client(done.token).auth.me.query()).user.username).toBe('owner')

    const again = await host.client().auth.login.mutate({ ...OWNER, deviceToken: done.deviceToken })
    expect(again.otpRequired).toBe(false)
    expect(again.token).toBeTruthy()
  })
})

describe('Lupa kata sandi over HTTP', () => {
  it('same answer for any username; the WhatsApp code sets a new password', async () => {
    const anon = host.client()
    const unknown = await anon.auth.requestPasswordReset.mutate({ username: 'tidak-ada' })
    const before = wa.received.length
    const known = await anon.auth.requestPasswordReset.mutate({ username: 'owner' })
    expect(Object.keys(unknown).sort()).toEqual(Object.keys(known).sort())
    const code = await codeSentTo(OWNER_WA, before)
    await anon.auth.resetPassword.mutate({
      challenge: known.challenge,
      code,
      newPassword: 'Kopi-Tubruk-Pagi-7',
    })
    expect(await apiCode(host.client(ownerToken).auth.me.query())).toBe('UNAUTHENTICATED')
    const signedIn = await anon.auth.login.mutate({
      username: 'owner',
      password: 'Kopi-Tubruk-Pagi-7',
    })
    expect(signedIn.token).toBeTruthy()
  })
})

describe('Perangkat aktif over HTTP', () => {
  it('a user ends one of their sessions; it is refused at its next request', async () => {
    const laptop = host.client(ownerToken)
    const phone = (await host.client(null, 'Android phone').auth.login.mutate(OWNER)).token!
    const { sessions } = await laptop.auth.sessions.query()
    // The setup wizard's session, this one and the phone's; this device first.
    expect(sessions.map((s) => s.current)).toEqual([true, false, false])
    const onPhone = sessions.find((s) => s.userAgent === 'Android phone')!
    await laptop.auth.endSession.mutate({ id: onPhone.id })
    expect(await apiCode(host.client(phone).auth.me.query())).toBe('UNAUTHENTICATED')
    expect(await apiCode(laptop.auth.me.query())).toBe('ok')
  })

  it('only a superadmin sees and ends another user’s sessions', async () => {
    const owner = host.client(ownerToken)
    const kasir = await owner.users.create.mutate({
      name: 'Kasir Satu',
      role: 'admin_billing',
      ...KASIR,
    })
    const kasirToken = (await host.client().auth.login.mutate(KASIR)).token!
    await host.client(kasirToken).auth.changePassword.mutate({
      currentPassword: KASIR.password,
      newPassword: 'Kasir-Baru-2026!',
    })
    // Even with users.manage granted, an admin cannot look into someone else's sessions.
    await owner.roles.update.mutate({
      role: 'admin_billing',
      permissions: ['dashboard.view', 'users.view', 'users.manage'],
    })
    const asKasir = host.client(kasirToken)
    expect(await apiCode(asKasir.users.sessions.query({ id: 1 }))).toBe('SUPERADMIN_ONLY')
    expect(await apiCode(asKasir.users.endSessions.mutate({ id: 1 }))).toBe('SUPERADMIN_ONLY')

    const seen = await owner.users.sessions.query({ id: kasir.id })
    expect(seen.sessions).toHaveLength(1)
    expect(await owner.users.endSessions.mutate({ id: kasir.id })).toEqual({ ended: 1 })
    expect(await apiCode(asKasir.auth.me.query())).toBe('UNAUTHENTICATED')
  })
})
