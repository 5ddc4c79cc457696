import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DesktopUpdates, UpdateState } from '@shared/updates'
import {
  OWNER,
  apiCode,
  setupCompany,
  startTestHost,
  type TestHost,
} from '../../../../test/helpers/http-host'
import { handleIpcRequest } from '../ipc'
import { appRouter } from '../router'
import { onPostgres } from '../../../../test/helpers/data-dir'

let host: TestHost
let token: string
beforeEach(async () => {
  host = await startTestHost()
  await setupCompany(host)
  token = (await host.client().auth.login.mutate(OWNER)).token!
})
afterEach(async () => {
  await host.stop()
})

/** The desktop's updater as the API sees it, with what it was asked and when. */
function downloadedUpdate() {
  const calls: string[] = []
  let state: UpdateState = {
    status: 'ready',
    version: '1.3.0',
    notes: 'Kasir lebih cepat',
    agreed: false,
    waitingForWork: false,
  }
  const updates: DesktopUpdates = {
    get state() {
      return state
    },
    agree() {
      calls.push('agree')
      if (state.status === 'ready') state = { ...state, agreed: true }
    },
    async restartNow() {
      // The restart waits for zero; at this moment the restart call itself is still in flight.
      calls.push(`restartNow:inFlight=${host.services.mutationsInFlight!.count}`)
    },
  }
  return { updates, calls }
}

const fromWindow = (type: 'query' | 'mutation', procedure: string) =>
  handleIpcRequest({
    router: appRouter,
    services: host.services,
    event: { senderFrame: { url: 'file:///opt/Loket/out/renderer/index.html' } },
    request: { type, path: procedure, input: undefined, token },
    isTrustedSender: () => true,
  })

describe('about: Tentang Loket and the desktop update', () => {
  it('tells the owner the version, the engine, the schema, the data folder and the release notes', async () => {
    const info = await host.client(token).about.info.query()
    expect(info).toMatchObject({
      version: host.services.version,
      engine: onPostgres ? 'PostgreSQL' : 'SQLite',
      schemaVersion: expect.stringMatching(/^\d{12}_/),
      dataDir: path.resolve(host.dataDir),
    })
    expect(info.changelog).toContain('# Catatan Perubahan')
  })

  it('a LAN browser neither sees nor accepts the host desktop update', async () => {
    host.services.desktopUpdates = downloadedUpdate().updates
    expect(await host.client(token).about.update.query()).toBeNull()
    expect(await apiCode(host.client(token).about.agreeUpdate.mutate())).toBe('FORBIDDEN')
    expect(await apiCode(host.client(token).about.restartForUpdate.mutate())).toBe('FORBIDDEN')
  })

  it('the desktop window sees the downloaded version and installs it only once the owner agrees', async () => {
    const { updates, calls } = downloadedUpdate()
    host.services.desktopUpdates = updates
    expect(await fromWindow('query', 'about.update')).toMatchObject({
      ok: true,
      data: { status: 'ready', version: '1.3.0', agreed: false },
    })
    expect(calls).toEqual([])
    expect(await fromWindow('mutation', 'about.agreeUpdate')).toMatchObject({
      ok: true,
      data: { agreed: true },
    })
    await fromWindow('mutation', 'about.restartForUpdate')
    expect(calls).toEqual(['agree', 'restartNow:inFlight=1'])
    // Every mutation is counted while it runs and no longer once it has answered.
    expect(host.services.mutationsInFlight!.count).toBe(0)
  })
})
