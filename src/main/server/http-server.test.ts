import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appRouter, PORTAL_PUBLIC_PROCEDURES, PUBLIC_PROCEDURES } from '@api/index'
import {
  OWNER,
  apiCode,
  setupCompany,
  startTestHost,
  type TestHost,
} from '../../../test/helpers/http-host'

let host: TestHost
beforeEach(async () => {
  host = await startTestHost()
})
afterEach(async () => {
  await host.stop()
})

describe('LAN host over HTTP', () => {
  it('GET /api/health answers ok with the version', async () => {
    const res = await fetch(`${host.url}api/health`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) })
  })

  it('auth.login takes {username, password} and returns a token that works as Bearer', async () => {
    await setupCompany(host)
    const { token, mustChangePassword } = await host.client().auth.login.mutate(OWNER)
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(mustChangePassword).toBe(false)
    const me = await host.client(token).auth.me.query()
    expect(me.user.username).toBe('owner')
    expect(me.company.name).toBe('Net Jaya')
    expect(me.permissions).toContain('users.manage')
  })

  it('a page that batches twenty calls in one request gets twenty answers (no 414)', async () => {
    await setupCompany(host)
    const { token } = await host.client().auth.login.mutate(OWNER)
    const api = host.client(token)
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 ? api.catalog.products.query() : api.billing.invoices.query({}),
      ),
    )
    expect(answers).toHaveLength(20)
  })

  it('every procedure but login and setup refuses a caller without a token', async () => {
    await setupCompany(host)
    const procedures = Object.entries(
      appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
    )
    expect(procedures.length).toBeGreaterThan(15)
    for (const [name, proc] of procedures) {
      if ((PUBLIC_PROCEDURES as readonly string[]).includes(name)) continue
      // The portal's sign-in and Daftar: open to customers, limited per address and number.
      if ((PORTAL_PUBLIC_PROCEDURES as readonly string[]).includes(name)) continue
      const url = `${host.url}api/trpc/${name}`
      const res =
        proc._def.type === 'query'
          ? await fetch(`${url}?input=${encodeURIComponent('{}')}`)
          : await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: '{}',
            })
      const body = (await res.json()) as { error: { data: { error: { code: string } } } }
      expect(res.status, name).toBe(401)
      expect(body.error.data.error.code, name).toBe('UNAUTHENTICATED')
    }
    // A forged token is no better than none.
    expect(await apiCode(host.client('AAAAAAAAAAAAAAAAAAAAAA').users.list.query({}))).toBe(
      'UNAUTHENTICATED',
    )
  })

  it('the public setup procedure refuses once setup is done', async () => {
    await setupCompany(host)
    expect(await apiCode(setupCompany(host))).toBe('SETUP_ALREADY_DONE')
    expect(await host.client().setup.status.query()).toMatchObject({ needsSetup: false })
  })

  it('errors cross as {code, messageKey} without a stack trace', async () => {
    await setupCompany(host)
    const res = await fetch(`${host.url}api/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'owner', password: 'salah-total-99' }),
    })
    const text = await res.text()
    expect(res.status).toBe(401)
    expect(text).not.toMatch(/stack|\.ts:\d+/)
    expect(JSON.parse(text).error.data.error).toEqual({
      code: 'AUTH_INVALID_CREDENTIALS',
      messageKey: 'errors.AUTH_INVALID_CREDENTIALS',
    })
  })

  it('invalid input is a VALIDATION error with translatable issues', async () => {
    await setupCompany(host)
    const { token } = await host.client().auth.login.mutate(OWNER)
    try {
      await host.client(token).users.create.mutate({
        name: '',
        username: 'x',
        phone: '12',
        email: 'bukan-email',
        role: 'admin_billing',
        password: 'pendek',
      })
      expect.unreachable()
    } catch (error) {
      const payload = (
        error as {
          data: {
            error: { code: string; details: { issues: { path: string[]; message: string }[] } }
          }
        }
      ).data.error
      expect(payload.code).toBe('VALIDATION')
      const messages = Object.fromEntries(
        payload.details.issues.map((i) => [i.path.join('.'), i.message]),
      )
      expect(messages).toMatchObject({
        name: 'validation.required',
        username: 'validation.username',
        phone: 'validation.phone',
        email: 'validation.email',
        password: 'validation.password_too_short',
      })
    }
  })

  it('sends security headers with every answer', async () => {
    const res = await fetch(`${host.url}api/health`)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('serving the UI', () => {
  let web: TestHost
  let root: string
  beforeEach(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'loket-web-'))
    mkdirSync(path.join(root, 'assets'))
    writeFileSync(
      path.join(root, 'index.html'),
      '<script src="./assets/app-1.js"></script><link href="./assets/app-1.css">',
    )
    writeFileSync(path.join(root, 'assets/app-1.js'), 'console.log(1)')
    web = await startTestHost(undefined, root)
  })
  afterEach(async () => {
    await web.stop()
    rmSync(root, { recursive: true, force: true })
  })

  it('serves the app shell at any route depth with absolute asset links', async () => {
    for (const route of ['', 'users', 'customers/12/services']) {
      const res = await fetch(`${web.url}${route}`)
      expect(res.status, route).toBe(200)
      expect(await res.text()).toBe(
        '<script src="/assets/app-1.js"></script><link href="/assets/app-1.css">',
      )
    }
  })

  it('serves assets, also ones built after the host started, and 404s missing files', async () => {
    expect((await fetch(`${web.url}assets/app-1.js`)).headers.get('content-type')).toMatch(
      /javascript/,
    )
    writeFileSync(path.join(root, 'assets/app-2.js'), 'console.log(2)')
    expect(await (await fetch(`${web.url}assets/app-2.js`)).text()).toBe('console.log(2)')
    expect((await fetch(`${web.url}assets/gone.js`)).status).toBe(404)
    expect((await fetch(`${web.url}api/nothing`)).status).toBe(404)
  })
})

describe('isolir landing page', () => {
  it('GET /isolir needs no session and names the company, its phone and address, escaped', async () => {
    // Before setup there is no company yet: still a page, not an error.
    const bare = await fetch(`${host.url}isolir`)
    expect(bare.status).toBe(200)
    expect(await bare.text()).toContain('Layanan internet Anda sedang diisolir')

    await host.client().setup.complete.mutate({
      company: {
        name: 'Net <Jaya> & "Sons"',
        address: 'Jl. Raya Bogor 12',
        phone: '0812-3456-7890',
        timeZone: 'Asia/Jakarta',
      },
      admin: { name: 'Pemilik', username: OWNER.username, password: OWNER.password },
    })
    const res = await fetch(`${host.url}isolir`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toContain('Layanan internet Anda sedang diisolir')
    expect(html).toContain('Net &lt;Jaya&gt; &amp; &quot;Sons&quot;')
    expect(html).not.toContain('<Jaya>')
    expect(html).toContain('Jl. Raya Bogor 12')
    expect(html).toContain('0812-3456-7890')
    expect(html).toMatch(/bayar\w* di kantor/)
    // Self-contained: the router lets an isolated customer reach nothing else.
    expect(html).not.toMatch(/<(script|link|img)\b|https?:\/\//)
  })

  it('any page an isolated browser asks for (another site in Host) is the landing page', async () => {
    const { request } = await import('node:http')
    const get = (hostHeader: string, path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const url = new URL(host.url)
        const req = request(
          { host: url.hostname, port: url.port, path, headers: { host: hostHeader } },
          (res) => {
            let body = ''
            res.on('data', (d: Buffer) => (body += d.toString()))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
          },
        )
        req.on('error', reject)
        req.end()
      })
    const foreign = await get('www.example.com', '/berita/hari-ini')
    expect(foreign.status).toBe(200)
    expect(foreign.body).toContain('Layanan internet Anda sedang diisolir')
    // The office reaches the host at its address and port: the API answers as usual.
    const office = await get(new URL(host.url).host, '/api/health')
    expect(JSON.parse(office.body)).toMatchObject({ ok: true })
  })
})
