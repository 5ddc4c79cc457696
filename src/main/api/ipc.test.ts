import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '@core/clock'
import { createTestDb } from '@core/db/test-db'
import type { ApiServices } from './context'
import { handleIpcRequest, isTrustedRendererUrl, type IpcEventLike, type IpcResponse } from './ipc'
import { appRouter } from './router'
import { memoryFileStore } from '../core/files'
import { RouterPool } from '../core/network'
import { testSecrets } from '../core/testing'

const RENDERER = '/opt/Loket/resources/app.asar/out/renderer/index.html'
const TRUSTED_URL = `file://${RENDERER}`
const trusted = (url: string) => isTrustedRendererUrl(url, { rendererFile: RENDERER })
const fromRenderer: IpcEventLike = { senderFrame: { url: `${TRUSTED_URL}#/login` } }

const SETUP = {
  company: { name: 'Net Jaya', phone: '0812-3456-7890', timeZone: 'Asia/Jakarta' },
  admin: { name: 'Pemilik', username: 'owner', password: 'Sangat-Rahasia-42' },
}

let services: ApiServices

beforeEach(async () => {
  services = {
    db: await createTestDb(),
    clock: new ManualClock('2026-11-22T03:00:00Z'),
    version: '0.0.0-test',
    files: memoryFileStore(),
    secrets: testSecrets(),
    routers: new RouterPool(),
  }
})
afterEach(async () => {
  await services.db.destroy()
})

function call(request: unknown, event: IpcEventLike = fromRenderer): Promise<IpcResponse> {
  return handleIpcRequest({ router: appRouter, services, event, request, isTrustedSender: trusted })
}

const query = (path: string, input?: unknown, token: string | null = null) =>
  call({ type: 'query', path, input, token })
const mutation = (path: string, input?: unknown, token: string | null = null) =>
  call({ type: 'mutation', path, input, token })

function errorCode(response: IpcResponse): string | undefined {
  return response.ok ? undefined : response.error.code
}

describe('IPC transport of the API', () => {
  it('while a restore over the live data runs, only its status is answered', async () => {
    services.restoring = true
    expect(errorCode(await query('setup.status'))).toBe('HOST_RESTORING')
    expect(await query('backups.restoreLiveStatus')).toEqual({
      ok: true,
      data: { restoring: true, last: null },
    })
  })

  it('refuses a request from a frame that is not our renderer', async () => {
    const request = { type: 'query', path: 'setup.status', input: undefined, token: null }
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.FORBIDDEN' } }
    expect(
      await call(request, { senderFrame: { url: 'https://evil.example/index.html' } }),
    ).toEqual(forbidden)
    expect(await call(request, { senderFrame: { url: 'file:///tmp/index.html' } })).toEqual(
      forbidden,
    )
    expect(await call(request, { senderFrame: null })).toEqual(forbidden)
    const disposed: IpcEventLike = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
    }
    expect(await call(request, disposed)).toEqual(forbidden)
  })

  it('answers setup.status on a fresh database', async () => {
    expect(await query('setup.status')).toMatchObject({ ok: true, data: { needsSetup: true } })
  })

  it('completes setup and then serves auth.me with the returned token', async () => {
    const setup = await mutation('setup.complete', SETUP)
    expect(setup.ok).toBe(true)
    const token = setup.ok ? (setup.data as { token: string }).token : ''
    expect(token).toMatch(/^[A-Za-z0-9_-]{10,}$/)

    const me = await query('auth.me', undefined, token)
    expect(me.ok).toBe(true)
    const data = me.ok
      ? (me.data as { user: { username: string }; company: { name: string } })
      : null
    expect(data?.user.username).toBe('owner')
    expect(data?.company.name).toBe('Net Jaya')
    expect(await query('setup.status')).toMatchObject({ ok: true, data: { needsSetup: false } })
  })

  it('refuses a protected procedure without a token as UNAUTHENTICATED', async () => {
    const response = await query('auth.me')
    expect(response).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', messageKey: 'errors.UNAUTHENTICATED' },
    })
    expect(errorCode(await query('users.list', undefined))).toBe('UNAUTHENTICATED')
  })

  it('reports bad input as VALIDATION with the field that is wrong', async () => {
    const response = await mutation('setup.complete', {
      ...SETUP,
      admin: { ...SETUP.admin, username: '!' },
    })
    expect(errorCode(response)).toBe('VALIDATION')
    const issues = response.ok ? [] : (response.error.details?.issues as { path: string[] }[])
    expect(issues.map((i) => i.path.join('.'))).toContain('admin.username')
  })

  it('refuses unknown paths, the wrong procedure type and subscriptions', async () => {
    expect(errorCode(await query('nothing.here'))).toBe('NOT_FOUND')
    expect(errorCode(await query('setup.toString'))).toBe('NOT_FOUND')
    expect(errorCode(await query('setup.complete', SETUP))).toBe('NOT_FOUND')
    expect(errorCode(await query('__proto__.constructor'))).toBe('VALIDATION')
    expect(errorCode(await call({ type: 'subscription', path: 'setup.status', token: null }))).toBe(
      'VALIDATION',
    )
    expect(errorCode(await call('setup.status'))).toBe('VALIDATION')
    expect(await query('setup.status')).toMatchObject({ ok: true, data: { needsSetup: true } })
  })
})

describe('isTrustedRendererUrl', () => {
  const options = { rendererFile: RENDERER, devServerUrl: 'http://localhost:5173/' }

  it('trusts the packaged index.html with any hash or query, and nothing beside it', () => {
    expect(isTrustedRendererUrl(TRUSTED_URL, options)).toBe(true)
    expect(isTrustedRendererUrl(`${TRUSTED_URL}?x=1#/customers/7`, options)).toBe(true)
    expect(isTrustedRendererUrl(TRUSTED_URL.replace('index.html', 'other.html'), options)).toBe(
      false,
    )
    expect(isTrustedRendererUrl('file:///etc/passwd', options)).toBe(false)
    expect(isTrustedRendererUrl(`file://evil.example${RENDERER}`, options)).toBe(false)
    expect(isTrustedRendererUrl(TRUSTED_URL, {})).toBe(false)
  })

  it('trusts the dev server origin only', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/#/users', options)).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5174/', options)).toBe(false)
    expect(isTrustedRendererUrl('https://localhost:5173/', options)).toBe(false)
    expect(isTrustedRendererUrl('http://localhost:5173/', { rendererFile: RENDERER })).toBe(false)
    expect(isTrustedRendererUrl('devtools://devtools/bundled/index.html', options)).toBe(false)
    expect(isTrustedRendererUrl('not a url', options)).toBe(false)
  })
})
