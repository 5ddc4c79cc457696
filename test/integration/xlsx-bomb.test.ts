import { existsSync, readFileSync, rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChildHost } from '../helpers/child-host'
import { apiCode } from '../helpers/http-host'
import { xlsxBomb } from '../helpers/zip-file'
import { makeDataDir } from '../helpers/data-dir'

type Child = Awaited<ReturnType<typeof startChildHost>>
let dataDir: string
let host: Child
let token: string

beforeAll(async () => {
  dataDir = await makeDataDir('loket-bomb-')
  host = await startChildHost(dataDir)
  token = (
    await host.client().setup.complete.mutate({
      company: { name: 'Net Jaya', phone: '0812-3456-7890', timeZone: 'Asia/Jakarta' },
      admin: { name: 'Pemilik', username: 'owner', password: 'Sangat-Rahasia-42' },
    })
  ).token
}, 60_000)
afterAll(async () => {
  await host?.kill9()
  rmSync(dataDir, { recursive: true, force: true })
})

/** The host's peak resident memory so far in MB (Linux: VmHWM), or null elsewhere. */
function peakMb(): number | null {
  const file = `/proc/${host.child.pid}/status`
  if (!existsSync(file)) return null
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(file, 'utf8'))
  return m ? Number(m[1]) / 1024 : null
}

/**
 * Sends the file to `imports.inspect` and meanwhile asks /api/health again and again (each as
 * soon as the last answered): how long the host kept the office waiting, and what it said.
 */
async function inspectWhileWatching(file: Buffer) {
  let done = false
  let slowestHealthMs = 0
  const watch = (async () => {
    while (!done) {
      const started = performance.now()
      await fetch(`${host.url}api/health`)
      slowestHealthMs = Math.max(slowestHealthMs, performance.now() - started)
    }
  })()
  const started = performance.now()
  const answer = await host
    .client(token)
    .imports.inspect.mutate({
      kind: 'customers',
      fileName: 'pelanggan.xlsx',
      contentBase64: file.toString('base64'),
    })
    .then(
      () => ({ code: 'ok', messageKey: undefined }),
      (error: { data?: { error?: { code: string; details?: { messageKey?: string } } } }) => ({
        code: error.data?.error?.code,
        messageKey: error.data?.error?.details?.messageKey,
      }),
    )
  const tookMs = performance.now() - started
  done = true
  await watch
  return { ...answer, tookMs, slowestHealthMs }
}

describe('an .xlsx zip bomb sent to imports.inspect (issue 13, finding 12)', () => {
  it('a 1.2 MB file that unpacks to 210 MB is refused before parsing; the host stays responsive', async () => {
    const bomb = await xlsxBomb(210)
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    const before = peakMb()
    const result = await inspectWhileWatching(bomb)
    expect(result).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'import.file_too_large_unpacked',
    })
    // Before the cap: a ~7 s stall and +570 MB. Now refused from the zip's own directory.
    expect(result.slowestHealthMs).toBeLessThan(500)
    const after = peakMb()
    if (before !== null && after !== null) expect(after - before).toBeLessThan(100)
    // A bank statement goes through the same reader.
    const payments = await host
      .client(token)
      .paymentImport.preview.mutate({
        fileName: 'mutasi.xlsx',
        contentBase64: bomb.toString('base64'),
      })
      .catch((e: { data?: { error?: { details?: { messageKey?: string } } } }) => e)
    expect(payments).toMatchObject({
      data: { error: { details: { messageKey: 'import.file_too_large_unpacked' } } },
    })
  }, 60_000)

  it('one whose directory lies about the size is stopped while inflating, at the cap', async () => {
    const liar = await xlsxBomb(120, { declaredSize: 4096 })
    const before = peakMb()
    const result = await inspectWhileWatching(liar)
    expect(result).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'import.file_too_large_unpacked',
    })
    expect(result.slowestHealthMs).toBeLessThan(500)
    const after = peakMb()
    if (before !== null && after !== null) expect(after - before).toBeLessThan(100)
    // And the host goes on serving.
    expect(await apiCode(host.client(token).auth.me.query())).toBe('ok')
  }, 60_000)
})
