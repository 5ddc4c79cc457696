import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '@core/clock'
import { createSetupCode } from '@core/companies'
import { createTestDb } from '@core/db/test-db'
import { memoryFileStore } from '@core/files'
import { RouterPool } from '@core/network'
import { testSecrets } from '@core/testing'
import type { ApiServices } from '../context'
import { handleIpcRequest, isTrustedRendererUrl } from '../ipc'
import { appRouter } from '../router'

const RENDERER = '/opt/Loket/resources/app.asar/out/renderer/index.html'
const SETUP = {
  company: { name: 'Net Jaya', phone: '0812-3456-7890', timeZone: 'Asia/Jakarta' },
  admin: { name: 'Pemilik', username: 'owner', password: 'Sangat-Rahasia-42' },
}

let services: ApiServices
beforeEach(async () => {
  const clock = new ManualClock('2026-12-04T01:00:00Z')
  services = {
    db: await createTestDb(),
    clock,
    version: '0.0.0-test',
    files: memoryFileStore(),
    secrets: testSecrets(),
    routers: new RouterPool(),
    // The desktop serves the LAN from its first start: a fresh host with a code.
    setupCode: createSetupCode(clock),
  }
})
afterEach(async () => {
  await services.db.destroy()
})

/** A call from the desktop window (IPC): the owner at the host PC. */
const fromWindow = (type: 'query' | 'mutation', path: string, input?: unknown) =>
  handleIpcRequest({
    router: appRouter,
    services,
    event: { senderFrame: { url: `file://${RENDERER}#/setup` } },
    request: { type, path, input, token: null },
    isTrustedSender: (url) => isTrustedRendererUrl(url, { rendererFile: RENDERER }),
  })

describe('first-run setup in the desktop window', () => {
  it('shows the code for other PCs and needs none itself', async () => {
    expect(await fromWindow('query', 'setup.status')).toEqual({
      ok: true,
      data: {
        needsSetup: true,
        setupCodeRequired: false,
        setupCode: services.setupCode!.display,
      },
    })
    const done = await fromWindow('mutation', 'setup.complete', SETUP)
    expect(done.ok).toBe(true)
    // Spent with the setup, and no longer shown.
    expect(await fromWindow('query', 'setup.status')).toEqual({
      ok: true,
      data: { needsSetup: false, setupCodeRequired: false, setupCode: null },
    })
    expect(() => services.setupCode!.verify(services.setupCode!.display)).toThrow()
  })
})
