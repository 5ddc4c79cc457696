import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createTRPCClient, httpBatchLink } from '@trpc/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppRouter } from '@api/index'
import { readModeFile, testHostConnection, writeModeFile } from '@core/mode'
import { planStartup, startDesktop } from '../../src/main/startup-plan'
import { APP_VERSION } from '../../src/main/version'
import {
  OWNER,
  apiCode,
  loopbackMdns,
  setupCompany,
  startTestHost,
  type TestHost,
} from '../helpers/http-host'

/**
 * Two Loket PCs in one test: a host with its database, and a desktop whose mode.json makes it a
 * client of that host. The client must open nothing of its own and reach the host's data over HTTP.
 */
let host: TestHost
let clientDir: string
beforeEach(async () => {
  host = await startTestHost()
  clientDir = mkdtempSync(path.join(tmpdir(), 'loket-client-'))
})
afterEach(async () => {
  await host.stop()
  rmSync(clientDir, { recursive: true, force: true })
})

const hostOrigin = () => new URL(host.url).origin

describe('a desktop in client mode', () => {
  it('opens no database, starts no host, and signs in and reads data through its host', async () => {
    await setupCompany(host)
    writeModeFile(clientDir, { mode: 'client', hostUrl: hostOrigin() })

    const plan = planStartup(clientDir)
    expect(plan).toEqual({ mode: 'client', hostUrl: hostOrigin(), warning: null })
    if (plan.mode !== 'client') throw new Error('expected a client plan')
    let hostStarts = 0
    const started = await startDesktop(
      plan,
      {
        dataDir: clientDir,
        lan: { port: 0, host: '127.0.0.1', allowHosts: [] },
        webRoot: clientDir,
        localPage: { file: 'index.html' },
      },
      async () => {
        hostStarts++
        throw new Error('a client starts no host')
      },
    )
    // No database file, no HTTP server, scheduler, device worker or sender of its own.
    expect(hostStarts).toBe(0)
    expect(started.host).toBeNull()
    expect(started.ipcBridge).toBe(false)
    expect(readdirSync(clientDir)).toEqual(['mode.json'])
    expect(existsSync(path.join(clientDir, 'loket.sqlite'))).toBe(false)
    expect(started.page).toEqual({ url: `${hostOrigin()}/` })

    // "Tes koneksi" reaches the host and reports its version.
    const test = await testHostConnection(plan.hostUrl, APP_VERSION)
    expect(test).toMatchObject({ reachable: true, version: APP_VERSION, sameVersion: true })

    // The window's calls go to the configured host: sign in there and read the host's data.
    const api = (token?: string | null) =>
      createTRPCClient<AppRouter>({
        links: [
          httpBatchLink({
            url: `${plan.hostUrl}/api/trpc`,
            headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
          }),
        ],
      })
    const { token } = await api().auth.login.mutate(OWNER)
    const company = await api(token).company.get.query()
    expect(company.name).toBe('Net Jaya')
    expect(readdirSync(clientDir)).toEqual(['mode.json'])
  })

  it('reports an address where no host answers, and one that is not a Loket host', async () => {
    const closed = await startTestHost()
    const closedUrl = new URL(closed.url).origin
    await closed.stop()
    expect(await testHostConnection(closedUrl, APP_VERSION)).toEqual({
      reachable: false,
      reason: 'unreachable',
    })
    expect(await testHostConnection(hostOrigin(), '0.0.0-other')).toMatchObject({
      reachable: true,
      sameVersion: false,
    })
  })
})

describe('Pengaturan → Mode on the host', () => {
  it('lets the owner test a host and save the mode for the next start, audited', async () => {
    const owner = host.client(await setupCompany(host))
    const info = await owner.mode.get.query()
    expect(info).toMatchObject({ saved: { mode: 'host' }, version: APP_VERSION, problem: null })
    // This test host listens on 127.0.0.1 only: no LAN address to show.
    expect(info.lan).toEqual([])

    const tested = await owner.mode.testConnection.mutate({ hostUrl: hostOrigin() })
    expect(tested).toMatchObject({ reachable: true, version: APP_VERSION })

    await owner.mode.save.mutate({ mode: 'client', hostUrl: '192.168.1.10:8080' })
    expect(readModeFile(host.dataDir).settings).toEqual({
      mode: 'client',
      hostUrl: 'http://192.168.1.10:8080',
    })
    const audit = await owner.audit.list.query({ action: 'company.mode' })
    expect(audit.entries).toHaveLength(1)
    // The running host keeps serving: the switch takes effect at the next start.
    expect((await owner.company.get.query()).name).toBe('Net Jaya')
  })

  it('refuses the mode to anyone but the owner, and to a bad address', async () => {
    const ownerToken = await setupCompany(host)
    await host.client(ownerToken).users.create.mutate({
      name: 'Kasir Satu',
      username: 'kasir1',
      phone: '0813-1111-2222',
      email: 'kasir@netjaya.id',
      role: 'admin_billing',
      password: 'Kasir-Rahasia-42',
    })
    const { token } = await host
      .client()
      .auth.login.mutate({ username: 'kasir1', password: 'Kasir-Rahasia-42' })
    const kasir = host.client(token)
    await kasir.auth.changePassword.mutate({
      currentPassword: 'Kasir-Rahasia-42',
      newPassword: 'Kasir-Baru-2026!',
    })
    expect(await apiCode(kasir.mode.save.mutate({ mode: 'host' }))).toBe('FORBIDDEN')
    expect(await apiCode(kasir.mode.testConnection.mutate({ hostUrl: 'http://127.0.0.1:1' }))).toBe(
      'FORBIDDEN',
    )
    const owner = host.client(ownerToken)
    expect(
      await apiCode(owner.mode.save.mutate({ mode: 'client', hostUrl: 'http://h:8080/x' })),
    ).toBe('VALIDATION')
    expect(readModeFile(host.dataDir).settings).toEqual({ mode: 'host' })
  })
})

describe('finding the host on the LAN', () => {
  it('"Cari host di jaringan" on one PC finds the other host by mDNS, with its version', async () => {
    const mdns = await loopbackMdns()
    const desk = await startTestHost(undefined, undefined, { mdns })
    const owner = desk.client(await setupCompany(desk))
    // The office host announces itself (a real host does so when it serves the LAN), right
    // before the search. On loopback the "multicast" is unicast to one shared port, which the
    // kernel delivers to the socket bound last: the search's own. So the search hears the
    // office's announcements (about 1 s and 4 s after it starts: bonjour re-announces at growing
    // intervals), not answers to its query; an office started long before would announce next
    // only after the 3 s search (how this test failed on a slow machine).
    const office = await startTestHost(undefined, undefined, { advertise: true, mdns })
    try {
      const found = await owner.mode.discover.mutate()
      expect(found).toEqual([
        {
          name: expect.stringMatching(/^Loket /),
          url: new URL(office.url).origin,
          version: APP_VERSION,
        },
      ])
      const test = await owner.mode.testConnection.mutate({ hostUrl: found[0]!.url })
      expect(test).toMatchObject({ reachable: true, sameVersion: true })
    } finally {
      await desk.stop()
      await office.stop()
    }
  })
})
