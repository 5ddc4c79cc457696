import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeModeFile } from '@core/mode'
import { clientHostFromArgv } from '@shared/client-mode'
import { hostUnreachableMessage, isOnHost, planStartup, startDesktop } from './startup-plan'

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'loket-plan-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

const options = (dir: string) => ({
  dataDir: dir,
  lan: { port: 0, host: '127.0.0.1', allowHosts: [] },
  webRoot: path.join(dir, 'no-ui'),
  localPage: { file: '/app/out/renderer/index.html' },
})

describe('the desktop startup plan', () => {
  it('starts a host by default: database, workers and the local UI with the IPC bridge', async () => {
    const plan = planStartup(dataDir)
    expect(plan).toEqual({ mode: 'host', warning: null })
    const started = await startDesktop(plan, options(dataDir))
    try {
      expect(started.host).not.toBeNull()
      expect(started.ipcBridge).toBe(true)
      expect(started.page).toEqual({ file: '/app/out/renderer/index.html' })
      expect(readdirSync(dataDir)).toContain('loket.sqlite')
    } finally {
      await started.host?.close()
    }
  })

  it('starts a client with no database and shows the host UI over HTTP', async () => {
    writeModeFile(dataDir, { mode: 'client', hostUrl: 'http://192.168.1.10:8080' })
    const plan = planStartup(dataDir)
    expect(plan).toEqual({ mode: 'client', hostUrl: 'http://192.168.1.10:8080', warning: null })
    const refused = () => Promise.reject(new Error('a client must not start a host'))
    const started = await startDesktop(plan, options(dataDir), refused)
    expect(started.host).toBeNull()
    expect(started.ipcBridge).toBe(false)
    expect(started.page).toEqual({ url: 'http://192.168.1.10:8080/' })
    expect(clientHostFromArgv(['electron', ...started.windowArguments])).toBe(
      'http://192.168.1.10:8080',
    )
    expect(readdirSync(dataDir)).toEqual(['mode.json'])
  })

  it('lets a client window move within its host only', () => {
    const plan = { mode: 'client', hostUrl: 'http://192.168.1.10:8080', warning: null } as const
    expect(isOnHost('http://192.168.1.10:8080/cashier', plan)).toBe(true)
    expect(isOnHost('http://192.168.1.11:8080/', plan)).toBe(false)
    expect(isOnHost('http://192.168.1.10:8080/', { mode: 'host', warning: null })).toBe(false)
  })

  it('starts as a host and says why when mode.json is broken', () => {
    writeFileSync(path.join(dataDir, 'mode.json'), 'client please')
    const plan = planStartup(dataDir)
    expect(plan.mode).toBe('host')
    expect(plan.warning).toMatch(/not valid JSON.*started as a host/)
    expect(existsSync(path.join(dataDir, 'loket.sqlite'))).toBe(false)
  })

  it('names the host and the reason when a client cannot load its page', () => {
    const text = hostUnreachableMessage('http://192.168.1.10:8080', 'ERR_CONNECTION_REFUSED')
    expect(text).toMatch(/^Host Loket http:\/\/192\.168\.1\.10:8080 tidak terjangkau/)
    expect(text).toContain('ERR_CONNECTION_REFUSED')
  })
})
