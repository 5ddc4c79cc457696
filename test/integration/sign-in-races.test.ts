import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OWNER, setupCompany, startTestHost, type TestHost } from '../helpers/http-host'

/**
 * Issue 13, findings 1 and 2, the way the probe sent them: separate HTTP requests in parallel
 * against the real host (Fastify + SQLite), the owner watching the audit log from a session
 * opened before the attack.
 */
let host: TestHost
let ownerToken: string
beforeEach(async () => {
  host = await startTestHost()
  await setupCompany(host)
  ownerToken = (await host.client().auth.login.mutate(OWNER)).token!
})
afterEach(async () => {
  await host.stop()
})

const WRONG = { username: 'owner', password: 'tebak-tebak-123' }

/** One sign-in as its own HTTP request (no batching): the error code, or 'ok' with a token. */
async function signIn(input: { username: string; password: string }): Promise<string> {
  const res = await fetch(`${host.url}api/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'probe' },
    body: JSON.stringify(input),
  })
  const body = (await res.json()) as {
    result?: { data: { token?: string } }
    error?: { data: { error: { code: string } } }
  }
  if (body.result) return body.result.data.token ? 'ok' : 'no-token'
  return body.error!.data.error.code
}

async function auditActions(): Promise<string[]> {
  const { entries } = await host.client(ownerToken).audit.list.query({ limit: 500 })
  return entries.map((e) => e.action)
}

async function auditCount(): Promise<number> {
  return (await host.client(ownerToken).audit.verify.query()).entries
}

describe('sign-in races over HTTP', () => {
  it('15 parallel sign-ins, 14 wrong and 1 right: at most 5 passwords checked, no session', async () => {
    const before = (await auditActions()).filter((a) => a === 'auth.login.failure').length
    const codes = await Promise.all([
      ...Array.from({ length: 14 }, () => signIn(WRONG)),
      signIn(OWNER),
    ])
    const failures = (await auditActions()).filter((a) => a === 'auth.login.failure').length
    expect(failures - before).toBeLessThanOrEqual(5)
    expect(codes.filter((c) => c === 'AUTH_INVALID_CREDENTIALS').length).toBeLessThanOrEqual(5)
    expect(codes.filter((c) => c === 'AUTH_LOCKED').length).toBeGreaterThanOrEqual(10)
    expect(codes).not.toContain('ok')
    // The account stays locked: the right password alone is refused now too.
    expect(await signIn(OWNER)).toBe('AUTH_LOCKED')
  })

  it('one batch of 15 sign-ins, the right one last: it is refused', async () => {
    const client = host.client()
    const codes = await Promise.all(
      [...Array.from({ length: 14 }, () => WRONG), OWNER].map((input) =>
        client.auth.login.mutate(input).then(
          () => 'ok',
          (e: { data?: { error?: { code: string } } }) => e.data?.error?.code ?? 'error',
        ),
      ),
    )
    expect(codes.at(-1)).toBe('AUTH_LOCKED')
    expect(codes.filter((c) => c === 'AUTH_INVALID_CREDENTIALS').length).toBeLessThanOrEqual(5)
  })

  it('300 attempts from a locked address add no audit row each; the lock gets one entry with the count', async () => {
    for (let i = 0; i < 5; i++) await signIn({ username: `tebak${i}`, password: 'x-x-x-x-x-x' })
    const audit = await auditCount()
    const codes: string[] = []
    for (let round = 0; round < 10; round++) {
      codes.push(
        ...(await Promise.all(
          Array.from({ length: 30 }, (_, i) =>
            signIn({ username: `flood${round}-${i}`, password: 'x-x-x-x-x-x' }),
          ),
        )),
      )
    }
    expect(new Set(codes)).toEqual(new Set(['AUTH_LOCKED']))
    expect(await auditCount()).toBe(audit)

    host.clock.advanceMinutes(15)
    expect(await signIn(OWNER)).toBe('ok')
    const { entries } = await host
      .client(ownerToken)
      .audit.list.query({ action: 'auth.login.locked', limit: 10 })
    expect(entries).toHaveLength(1)
    expect(entries[0]!.after).toMatchObject({ address: '127.0.0.1', refused: 300 })
  })
})
