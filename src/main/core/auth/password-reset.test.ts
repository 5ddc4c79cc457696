import { describe, expect, it } from 'vitest'
import { setChannel } from '../messaging'
import { OWNER, client } from '../testing'
import { codeOf, otpFixture, wrong } from '../otp/testing'
import {
  login,
  requestPasswordReset,
  resetPasswordWithCode,
  resolveSession,
  type LoginResult,
} from './index'

const NEW_PASSWORD = 'Kopi-Tubruk-Pagi-7'

async function resetFixture(o: { phone?: string | null; email?: string | null } = {}) {
  const f = await otpFixture()
  await f.db
    .updateTable('users')
    .set({ phone: o.phone === undefined ? '6281234500001' : o.phone, email: o.email ?? null })
    .execute()
  await setChannel(f.deps, f.actor, {
    provider: 'fonnte',
    token: 't',
    baseUrl: 'http://127.0.0.1:9',
  })
  await setChannel(f.deps, f.actor, {
    provider: 'smtp',
    host: 'smtp.example.com',
    port: 587,
    from: 'loket@example.com',
  })
  const ask = (username = 'owner') => requestPasswordReset(f.deps, { username }, client())
  return { ...f, ask }
}

const tokenOf = (r: LoginResult) => r.token!

describe('Lupa kata sandi', () => {
  it('answers the same whether the username exists or not', async () => {
    const f = await resetFixture()
    const known = await f.ask('owner')
    const unknown = await f.ask('tidak-ada')
    expect(Object.keys(unknown).sort()).toEqual(Object.keys(known).sort())
    expect(unknown.resendAt).toBe(known.resendAt)
    expect(unknown.challenge).toHaveLength(known.challenge.length)
    const sent = await f.db.selectFrom('messages').select(['kind', 'recipient']).execute()
    expect(sent).toEqual([{ kind: 'otp', recipient: '6281234500001' }])
  })

  it('the code and a new password end every session; the new password signs in', async () => {
    const f = await resetFixture()
    const before = tokenOf(await login(f.deps, OWNER, client()))
    const { challenge } = await f.ask()
    await resetPasswordWithCode(
      f.deps,
      { challenge, code: await f.lastCode(), newPassword: NEW_PASSWORD },
      client(),
    )
    expect(await codeOf(resolveSession(f.deps, before))).toBe('UNAUTHENTICATED')
    expect(await codeOf(login(f.deps, OWNER, client()))).toBe('AUTH_INVALID_CREDENTIALS')
    expect(
      await codeOf(login(f.deps, { username: 'owner', password: NEW_PASSWORD }, client())),
    ).toBe('ok')
    const audit = await f.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'auth.password.reset')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.after_json!)).toMatchObject({ sessions_ended: 1 })
  })

  it('goes by e-mail when the user has no WhatsApp number', async () => {
    const f = await resetFixture({ phone: null, email: 'pemilik@example.com' })
    await f.ask()
    const sent = await f.db.selectFrom('messages').select(['channel', 'recipient']).execute()
    expect(sent).toEqual([{ channel: 'email', recipient: 'pemilik@example.com' }])
  })

  it('goes by the e-mail the user chose when they have both', async () => {
    const f = await resetFixture({ email: 'pemilik@example.com' })
    await requestPasswordReset(f.deps, { username: 'owner', channel: 'email' }, client())
    const sent = await f.db.selectFrom('messages').select(['channel', 'recipient']).execute()
    expect(sent).toEqual([{ channel: 'email', recipient: 'pemilik@example.com' }])
  })

  it('a chosen e-mail the user does not have falls back to their WhatsApp', async () => {
    const f = await resetFixture({ email: null })
    await requestPasswordReset(f.deps, { username: 'owner', channel: 'email' }, client())
    const sent = await f.db.selectFrom('messages').select(['channel', 'recipient']).execute()
    expect(sent).toEqual([{ channel: 'whatsapp', recipient: '6281234500001' }])
  })

  it('a new password containing the username is refused before the code is used', async () => {
    const f = await resetFixture()
    const { challenge } = await f.ask()
    const code = await f.lastCode()
    expect(
      await codeOf(
        resetPasswordWithCode(
          f.deps,
          { challenge, code, newPassword: 'owner-owner-2026' },
          client(),
        ),
      ),
    ).toBe('PASSWORD_TOO_WEAK')
    expect(
      await codeOf(
        resetPasswordWithCode(f.deps, { challenge, code, newPassword: NEW_PASSWORD }, client()),
      ),
    ).toBe('ok')
  })

  it('an unknown username locks after 5 wrong codes exactly like a real one', async () => {
    const f = await resetFixture()
    const outcomes = async (challenge: string) => {
      const codes: string[] = []
      for (let i = 0; i < 6; i++) {
        codes.push(
          await codeOf(
            resetPasswordWithCode(
              f.deps,
              { challenge, code: wrong('000000'), newPassword: NEW_PASSWORD },
              client(),
            ),
          ),
        )
      }
      return codes
    }
    const real = await outcomes((await f.ask('owner')).challenge)
    const decoy = await outcomes((await f.ask('tidak-ada')).challenge)
    expect(decoy).toEqual(real)
    expect(real.at(-1)).toBe('OTP_LOCKED')
  })

  it('a second request within a minute sends nothing more, with the same answer', async () => {
    const f = await resetFixture()
    await f.ask()
    const again = await f.ask()
    expect(again.challenge).toBeTruthy()
    expect(await f.db.selectFrom('messages').select('id').execute()).toHaveLength(1)
  })
})
