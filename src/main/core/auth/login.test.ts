import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { OWNER, client, companyFixture } from '../testing'
import { login, resolveSession } from './index'

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  )

describe('sign-in', () => {
  it('the right password gives a 128-bit token stored only as a hash', async () => {
    const { deps, db } = await companyFixture()
    const { token } = await login(deps, OWNER, client())
    expect(Buffer.from(token, 'base64url')).toHaveLength(16)
    const stored = await db.selectFrom('sessions').select('token_hash').execute()
    expect(stored).toHaveLength(1)
    expect(stored[0]!.token_hash).not.toContain(token)
    expect((await resolveSession(deps, token)).username).toBe('owner')
  })

  it('records every attempt in the audit log with address and user agent', async () => {
    const { deps, db } = await companyFixture()
    await codeOf(login(deps, { username: 'owner', password: 'salah-sekali-123' }, client()))
    await login(deps, OWNER, client())
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', 'like', 'auth.login%')
      .orderBy('id')
      .execute()
    expect(rows.map((r) => r.action)).toEqual(['auth.login.failure', 'auth.login.success'])
    expect(rows[0]).toMatchObject({
      username: 'owner',
      ip: '192.0.2.10',
      user_agent: 'vitest-browser',
    })
  })

  it('after 5 failures in 15 minutes for a username, attempts are refused for 15 minutes', async () => {
    const { deps, clock } = await companyFixture()
    const wrong = { username: 'owner', password: 'bukan-ini-lho-123' }
    for (let i = 1; i <= 4; i++) {
      // Different addresses: the username alone triggers the lock.
      expect(await codeOf(login(deps, wrong, client(`192.0.2.${i}`)))).toBe(
        'AUTH_INVALID_CREDENTIALS',
      )
      clock.advanceMinutes(2)
    }
    expect(await codeOf(login(deps, wrong, client('192.0.2.5')))).toBe('AUTH_LOCKED')
    // Even the right password is refused while locked.
    const locked = await login(deps, OWNER, client('192.0.2.6')).catch((e: AppError) => e)
    expect((locked as AppError).code).toBe('AUTH_LOCKED')
    expect((locked as AppError).details?.retryAfterSeconds).toBe(15 * 60)
    clock.advanceMinutes(14)
    expect(await codeOf(login(deps, OWNER, client('192.0.2.6')))).toBe('AUTH_LOCKED')
    clock.advanceMinutes(1)
    expect(await codeOf(login(deps, OWNER, client('192.0.2.6')))).toBe('ok')
  })

  it('5 failures from one address lock that address for every username', async () => {
    const { deps } = await companyFixture()
    for (const name of ['a1', 'b2', 'c3', 'd4']) {
      expect(
        await codeOf(
          login(deps, { username: name, password: 'x-x-x-x-x-x' }, client('198.51.100.7')),
        ),
      ).toBe('AUTH_INVALID_CREDENTIALS')
    }
    expect(
      await codeOf(
        login(deps, { username: 'e5', password: 'x-x-x-x-x-x' }, client('198.51.100.7')),
      ),
    ).toBe('AUTH_LOCKED')
    expect(await codeOf(login(deps, OWNER, client('198.51.100.7')))).toBe('AUTH_LOCKED')
    expect(await codeOf(login(deps, OWNER, client('198.51.100.8')))).toBe('ok')
  })

  it('failures spread over more than 15 minutes do not lock', async () => {
    const { deps, clock } = await companyFixture()
    for (let i = 0; i < 6; i++) {
      expect(
        await codeOf(login(deps, { username: 'owner', password: 'bukan-ini-lho-123' }, client())),
      ).toBe('AUTH_INVALID_CREDENTIALS')
      clock.advanceMinutes(4)
    }
  })

  it('an unknown username fails exactly like a wrong password', async () => {
    const { deps } = await companyFixture()
    expect(
      await codeOf(login(deps, { username: 'siapa', password: 'apa-saja-123' }, client())),
    ).toBe('AUTH_INVALID_CREDENTIALS')
  })
})

describe('sessions', () => {
  it('end after 8 idle hours', async () => {
    const { deps, clock } = await companyFixture()
    const { token } = await login(deps, OWNER, client())
    clock.advanceMinutes(7 * 60 + 59)
    await resolveSession(deps, token)
    clock.advanceMinutes(8 * 60 - 1)
    await resolveSession(deps, token) // activity keeps it alive
    clock.advanceMinutes(8 * 60)
    expect(await codeOf(resolveSession(deps, token))).toBe('SESSION_EXPIRED')
    // Once expired it stays ended, and says why.
    clock.advanceMinutes(-60)
    expect(await codeOf(resolveSession(deps, token))).toBe('SESSION_EXPIRED')
  })

  it('end 7 days after sign-in however active the user is', async () => {
    const { deps, clock } = await companyFixture()
    const { token } = await login(deps, OWNER, client())
    for (let h = 0; h < 7 * 24 - 1; h += 4) {
      clock.advanceMinutes(4 * 60)
      if (h + 4 >= 7 * 24) break
      await resolveSession(deps, token)
    }
    clock.set('2026-11-29T03:00:00Z')
    expect(await codeOf(resolveSession(deps, token))).toBe('SESSION_EXPIRED')
  })

  it('an unknown token is refused', async () => {
    const { deps } = await companyFixture()
    expect(await codeOf(resolveSession(deps, 'AAAAAAAAAAAAAAAAAAAAAA'))).toBe('UNAUTHENTICATED')
  })
})
