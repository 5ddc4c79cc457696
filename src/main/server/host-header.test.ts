import { request } from 'node:http'
import { hostname, networkInterfaces } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestHost, type TestHost } from '../../../test/helpers/http-host'

let host: TestHost | null = null
afterEach(async () => {
  await host?.stop()
  host = null
})

/** One HTTP request with the Host header a browser would send for `hostHeader`. */
function send(
  hostHeader: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: string }> {
  const url = new URL(host!.url)
  const body = init.body === undefined ? undefined : JSON.stringify(init.body)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: init.method ?? 'GET',
        headers: {
          host: hostHeader,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let text = ''
        res.on('data', (d: Buffer) => (text += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const SETUP = {
  company: {
    name: 'Net Jaya',
    address: 'Jl. Raya Bogor 12',
    phone: '0812-3456-7890',
    timeZone: 'Asia/Jakarta',
  },
  admin: { name: 'Pemilik', username: 'owner', password: 'Sangat-Rahasia-42' },
}

const codeOf = (body: string): string => {
  const json = JSON.parse(body) as { error?: { data: { error: { code: string } } } }
  return json.error?.data.error.code ?? 'ok'
}

describe('non-GET requests only for the host own names (issue 13, finding 14)', () => {
  it('a page on a foreign name (DNS rebinding) cannot set up a fresh host', async () => {
    host = await startTestHost()
    const port = new URL(host.url).port
    const res = await send(`rebind.attacker.example:${port}`, '/api/trpc/setup.complete', {
      method: 'POST',
      body: SETUP,
    })
    expect(res.status).toBe(403)
    expect(JSON.parse(res.body).error.data.error).toEqual({
      code: 'HOST_NOT_ALLOWED',
      messageKey: 'errors.HOST_NOT_ALLOWED',
      details: { host: 'rebind.attacker.example' },
    })
    expect(await host.client().setup.status.query()).toMatchObject({ needsSetup: true })
  })

  it('every call of a batch is refused the same way, and other paths too', async () => {
    host = await startTestHost()
    const port = new URL(host.url).port
    const batch = await send(`evil.example:${port}`, '/api/trpc/auth.login,auth.logout?batch=1', {
      method: 'POST',
      body: { 0: { username: 'owner', password: 'x' }, 1: {} },
    })
    expect(batch.status).toBe(403)
    const calls = JSON.parse(batch.body) as { error: { data: { error: { code: string } } } }[]
    expect(calls.map((c) => c.error.data.error.code)).toEqual([
      'HOST_NOT_ALLOWED',
      'HOST_NOT_ALLOWED',
    ])
    const other = await send(`evil.example:${port}`, '/anything', { method: 'DELETE' })
    expect(other.status).toBe(403)
    expect(JSON.parse(other.body)).toEqual({ ok: false, error: 'host_not_allowed' })
  })

  it("the host's own names and addresses are accepted, with or without the port", async () => {
    host = await startTestHost()
    const port = new URL(host.url).port
    const own = ['127.0.0.1', 'localhost', '[::1]', hostname(), `${hostname()}.local`]
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && a.family === 'IPv4')
    if (lan) own.push(lan.address)
    for (const name of own) {
      for (const hostHeader of [`${name}:${port}`, name]) {
        const res = await send(hostHeader, '/api/trpc/auth.logout', { method: 'POST', body: {} })
        // Past the Host check: the procedure itself answers (there is no session).
        expect(codeOf(res.body), hostHeader).toBe('UNAUTHENTICATED')
      }
    }
  })

  it('names the operator adds (--allow-host) are accepted; GET of health and UI stays open', async () => {
    host = await startTestHost(undefined, undefined, { allowHosts: ['Loket.Kantor.Lan'] })
    const port = new URL(host.url).port
    const res = await send(`loket.kantor.lan:${port}`, '/api/trpc/setup.complete', {
      method: 'POST',
      body: SETUP,
    })
    expect(res.status).toBe(200)
    expect(codeOf(res.body)).toBe('ok')
    const health = await send(`evil.example:${port}`, '/api/health')
    expect(health.status).toBe(200)
    const query = await send(`evil.example:${port}`, '/api/trpc/setup.status')
    expect(query.status).toBe(200)
  })
})
