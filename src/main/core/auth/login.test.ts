import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { OWNER, client, companyFixture } from '../testing'
import { verifyAuditChain } from '../audit'
import type { Db } from '../db'
import { login, resolveSession } from './index'

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  )

describe('sign-in', () => {
  it('the right password gives a 128-bit token stored only as a hash', async () => {
    const { deps, db } = await companyFixture()
    const token = (await login(deps, OWNER, client())).token!
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

describe('sign-in under concurrency (issue 13, finding 1)', () => {
  const WRONG = { username: 'owner', password: 'bukan-ini-lho-123' }
  const checked = async (db: Db) =>
    Number(
      (
        await db
          .selectFrom('login_attempts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('outcome', 'in', ['failure', 'success'])
          .executeTakeFirstOrThrow()
      ).n,
    )
  const sessions = async (db: Db) => (await db.selectFrom('sessions').select('id').execute()).length

  it('15 sign-ins at once, 14 wrong then the right one: at most 5 guesses are checked, no session', async () => {
    const { deps, db } = await companyFixture()
    const burst = [...Array.from({ length: 14 }, () => WRONG), OWNER]
    const codes = await Promise.all(burst.map((input) => codeOf(login(deps, input, client()))))
    expect(await checked(db)).toBeLessThanOrEqual(5)
    expect(codes.filter((c) => c === 'AUTH_INVALID_CREDENTIALS').length).toBeLessThanOrEqual(5)
    expect(codes.at(-1)).toBe('AUTH_LOCKED')
    expect(await sessions(db)).toBe(0)
  })

  it('the right password among the first guesses of a burst is refused once the burst locked the account', async () => {
    const { deps, db } = await companyFixture()
    // The right password is checked (it came first), but the sixth attempt locked the account
    // while its hash was computed: the lock is read again when the session would be issued.
    const burst = [OWNER, ...Array.from({ length: 14 }, () => WRONG)]
    const codes = await Promise.all(burst.map((input) => codeOf(login(deps, input, client()))))
    expect(codes[0]).toBe('AUTH_LOCKED')
    expect(await checked(db)).toBeLessThanOrEqual(5)
    expect(await sessions(db)).toBe(0)
  })

  it('a burst from one address against many usernames checks at most 5 passwords', async () => {
    const { deps, db } = await companyFixture()
    const burst = Array.from({ length: 15 }, (_, i) => ({
      username: `tebak${i}`,
      password: 'x-x-x-x-x-x',
    }))
    await Promise.all(burst.map((input) => codeOf(login(deps, input, client('198.51.100.9')))))
    expect(await checked(db)).toBeLessThanOrEqual(5)
    expect(await codeOf(login(deps, OWNER, client('198.51.100.9')))).toBe('AUTH_LOCKED')
  })
})

describe('refused attempts while locked (issue 13, finding 2)', () => {
  const rows = async (db: Db, table: 'audit_log' | 'login_attempts') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('300 attempts from a locked address write no row each: one audit entry per lock with the count', async () => {
    const { deps, db, clock } = await companyFixture()
    const ip = '198.51.100.7'
    for (const name of ['a1', 'b2', 'c3', 'd4', 'e5'])
      await codeOf(login(deps, { username: name, password: 'x-x-x-x-x-x' }, client(ip)))
    const audit = await rows(db, 'audit_log')
    const attempts = await rows(db, 'login_attempts')
    for (let i = 0; i < 300; i++) {
      expect(
        await codeOf(login(deps, { username: `u${i}`, password: 'x-x-x-x-x-x' }, client(ip))),
      ).toBe('AUTH_LOCKED')
    }
    expect(await rows(db, 'audit_log')).toBe(audit)
    expect(await rows(db, 'login_attempts')).toBe(attempts)

    // Once the lock is over, the next attempt closes it with one entry that carries the count.
    clock.advanceMinutes(15)
    expect(await codeOf(login(deps, OWNER, client(ip)))).toBe('ok')
    const locks = await db
      .selectFrom('audit_log')
      .select(['after_json', 'ip'])
      .where('action', '=', 'auth.login.locked')
      .execute()
    expect(locks).toHaveLength(1)
    expect(JSON.parse(locks[0]!.after_json!)).toMatchObject({ address: ip, refused: 300 })
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true })
  })
})

describe('sessions', () => {
  it('end after 8 idle hours', async () => {
    const { deps, clock } = await companyFixture()
    const token = (await login(deps, OWNER, client())).token!
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
    const token = (await login(deps, OWNER, client())).token!
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
