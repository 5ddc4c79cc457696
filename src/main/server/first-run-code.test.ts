import { hostname } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import { apiCode, startTestHost, type TestHost } from '../../../test/helpers/http-host'

let host: TestHost | null = null
afterEach(async () => {
  await host?.stop()
  host = null
})

const SETUP = {
  company: {
    name: 'Net Jaya',
    address: 'Jl. Raya Bogor 12',
    phone: '0812-3456-7890',
    timeZone: 'Asia/Jakarta',
  },
  admin: { name: 'Pemilik', username: 'owner', password: 'Sangat-Rahasia-42' },
}

/** A fresh host serving the LAN (`--host 0.0.0.0`), as the desktop does from its first start. */
async function lanHost() {
  host = await startTestHost(undefined, undefined, { host: '0.0.0.0' })
  return host
}

/**
 * A call from another PC of the office: the same request, from a LAN address (this machine has
 * no LAN to test on, so Fastify's inject sets the remote address), to the host's machine name.
 */
async function fromLan(path: string, body?: unknown, remoteAddress = '192.168.1.50') {
  const res = await host!.server.inject({
    method: body === undefined ? 'GET' : 'POST',
    url: `/api/trpc/${path}`,
    remoteAddress,
    headers: { host: `${hostname()}:${new URL(host!.url).port}` },
    ...(body === undefined ? {} : { payload: body as object }),
  })
  const json = res.json() as {
    result?: { data: unknown }
    error?: { data: { error: { code: string; details?: Record<string, unknown> } } }
  }
  return {
    status: res.statusCode,
    code: json.error?.data.error.code ?? 'ok',
    details: json.error?.data.error.details,
    data: json.result?.data,
  }
}

const CODE = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/

describe('first run on the LAN needs the one-time code (issue 13, finding 13)', () => {
  it('another PC cannot become superadmin of a fresh LAN host without the code', async () => {
    await lanHost()
    const res = await fromLan('setup.complete', SETUP)
    expect(res).toMatchObject({ status: 403, code: 'SETUP_CODE_REQUIRED' })
    expect(await host!.client().setup.status.query()).toMatchObject({ needsSetup: true })
  })

  it('another PC with the code shown on the host sets it up; the code is then spent', async () => {
    await lanHost()
    expect(host!.setupCode).toMatch(CODE)
    const status = await fromLan('setup.status')
    // The LAN is told a code is needed, never the code itself.
    expect(status.data).toEqual({ needsSetup: true, setupCodeRequired: true, setupCode: null })
    const typed = host!.setupCode!.toLowerCase().replace('-', ' ')
    const done = await fromLan('setup.complete', { ...SETUP, setupCode: typed })
    expect(done.code).toBe('ok')
    expect(done.data).toMatchObject({ token: expect.any(String) })
    const again = await fromLan('setup.complete', { ...SETUP, setupCode: host!.setupCode })
    expect(again.code).toBe('SETUP_ALREADY_DONE')
  })

  it('this PC (127.0.0.1) sets up a LAN host without a code', async () => {
    await lanHost()
    expect(await host!.client().setup.status.query()).toEqual({
      needsSetup: true,
      setupCodeRequired: false,
      setupCode: null,
    })
    const { token } = await host!.client().setup.complete.mutate(SETUP)
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })

  it('five wrong codes lock the LAN setup for 15 minutes, from any address', async () => {
    await lanHost()
    const left: unknown[] = []
    for (let i = 0; i < 5; i++) {
      const res = await fromLan(
        'setup.complete',
        { ...SETUP, setupCode: 'AAAA-AAAA' },
        `10.0.0.${i}`,
      )
      expect(res).toMatchObject({ status: 403, code: 'SETUP_CODE_INVALID' })
      left.push(res.details?.attemptsLeft)
    }
    expect(left).toEqual([4, 3, 2, 1, 0])
    // Locked: even the right code waits, and says how long.
    const locked = await fromLan('setup.complete', { ...SETUP, setupCode: host!.setupCode })
    expect(locked).toMatchObject({ status: 429, code: 'AUTH_LOCKED' })
    expect(locked.details).toEqual({ retryAfterSeconds: 900 })
    // This PC is never locked out of its own setup.
    expect(await host!.client().setup.status.query()).toMatchObject({ needsSetup: true })
    host!.clock.advanceMinutes(15)
    const done = await fromLan('setup.complete', { ...SETUP, setupCode: host!.setupCode })
    expect(done.code).toBe('ok')
  })

  it('a host bound to 127.0.0.1 only, or already set up, shows no code', async () => {
    host = await startTestHost()
    expect(host.setupCode).toBeNull()
    await host.stop()
    host = await startTestHost(undefined, undefined, { host: '0.0.0.0' })
    await host.client().setup.complete.mutate(SETUP)
    expect(await apiCode(host.client().setup.complete.mutate(SETUP))).toBe('SETUP_ALREADY_DONE')
  })
})
