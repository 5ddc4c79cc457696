import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http, { type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// electron-updater's own feed code, below the modules that need Electron: the generic provider
// reads latest.yml and resolves the installer's URL exactly as a desktop's NsisUpdater does.
import { GenericProvider } from 'electron-updater/out/providers/GenericProvider'
import { findFile } from 'electron-updater/out/providers/Provider'
import { CancellationToken, HttpExecutor } from 'builder-util-runtime'
import { runCli } from '../helpers/cli-process'
import { startTestHost, type TestHost } from '../helpers/http-host'

/** builder-util-runtime's executor over Node's http (Electron's net module in the app). */
class NodeExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void) {
    return http.request(options, callback)
  }
}

const executor = new NodeExecutor()
let host: TestHost
let work: string
let installer: Buffer
let installerPath: string

function providerFor(url: string) {
  const updater = { channel: null, isAddNoCacheQuery: true }
  return new GenericProvider({ provider: 'generic', url }, updater as never, {
    // Only request() and downloadToBuffer() of the executor are used on this path.
    executor: executor as never,
    platform: 'win32',
    isUseMultipleRangeRequest: false,
  })
}

beforeAll(async () => {
  host = await startTestHost()
  work = mkdtempSync(path.join(tmpdir(), 'loket-installer-'))
  installer = randomBytes(256 * 1024 + 17)
  installerPath = path.join(work, 'Loket-Setup-1.2.0.exe')
  writeFileSync(installerPath, installer)
  writeFileSync(`${installerPath}.blockmap`, randomBytes(900))
  writeFileSync(path.join(work, 'notes.md'), 'Kasir: struk lebih cepat.\n- "Tentang Loket" baru')
})
afterAll(async () => {
  await host.stop()
  rmSync(work, { recursive: true, force: true })
})

describe('updates from the host: the feed a desktop reads', () => {
  it('publish writes a latest.yml that electron-updater parses into the installer it names', async () => {
    const published = await runCli(host.dataDir, [
      'updates',
      'publish',
      installerPath,
      '--version',
      '1.2.0',
      '--notes',
      path.join(work, 'notes.md'),
    ])
    expect(published.code).toBe(0)
    expect(published.json).toMatchObject({ ok: true, version: '1.2.0', previousVersion: null })

    const provider = providerFor(`${host.url}updates`)
    const info = await provider.getLatestVersion()
    expect(info.version).toBe('1.2.0')
    expect(info.releaseNotes).toBe('Kasir: struk lebih cepat.\n- "Tentang Loket" baru')
    expect(Date.parse(info.releaseDate)).not.toBeNaN()

    const file = findFile(provider.resolveFiles(info), 'exe', ['zip'])!
    expect(file.url.href).toBe(`${host.url}updates/Loket-Setup-1.2.0.exe`)
    // The executor checks the sha512 while downloading (electron-updater's own DigestTransform).
    const downloaded = await executor.downloadToBuffer(file.url, {
      sha512: file.info.sha512,
      cancellationToken: new CancellationToken(),
    })
    expect(downloaded.equals(installer)).toBe(true)
    expect(file.info.sha512).toBe(createHash('sha512').update(installer).digest('base64'))
    expect(file.info.size).toBe(installer.length)
  })

  it('serves the blockmap beside the installer and byte ranges of it (differential download)', async () => {
    const blockmap = await fetch(`${host.url}updates/Loket-Setup-1.2.0.exe.blockmap`)
    expect(blockmap.status).toBe(200)
    expect(Buffer.from(await blockmap.arrayBuffer())).toEqual(
      readFileSync(`${installerPath}.blockmap`),
    )
    const part = await fetch(`${host.url}updates/Loket-Setup-1.2.0.exe`, {
      headers: { Range: 'bytes=1000-5095' },
    })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 1000-5095/${installer.length}`)
    expect(Buffer.from(await part.arrayBuffer())).toEqual(installer.subarray(1000, 5096))
    const head = await fetch(`${host.url}updates/latest.yml`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('cache-control')).toBe('no-cache')
  })

  it('lists nothing and changes nothing under /updates/', async () => {
    const folder = await fetch(`${host.url}updates/`)
    expect([403, 404]).toContain(folder.status)
    expect(await folder.text()).not.toContain('Loket-Setup')
    const put = await fetch(`${host.url}updates/latest.yml`, { method: 'PUT', body: 'x' })
    expect(put.status).toBe(404)
    const del = await fetch(`${host.url}updates/latest.yml`, { method: 'DELETE' })
    expect(del.status).toBe(404)
    expect((await fetch(`${host.url}updates/latest.yml`)).status).toBe(200)
  })

  it('refuses a version that is not newer than the published one, and the feed stays as it was', async () => {
    const before = readFileSync(path.join(host.dataDir, 'updates/latest.yml'), 'utf8')
    for (const version of ['1.2.0', '1.2.0-beta.1']) {
      const again = await runCli(host.dataDir, [
        'updates',
        'publish',
        installerPath,
        '--version',
        version,
      ])
      expect(again.code).toBe(1)
      expect(again.json).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          details: { issues: [{ option: '--version', message: 'cli.update_not_newer' }] },
        },
      })
    }
    const notSemver = await runCli(host.dataDir, [
      'updates',
      'publish',
      installerPath,
      '--version',
      'v2',
    ])
    expect(notSemver.json).toMatchObject({
      error: { details: { issues: [{ option: '--version', message: 'cli.update_version' }] } },
    })
    expect(readFileSync(path.join(host.dataDir, 'updates/latest.yml'), 'utf8')).toBe(before)
  })
})
