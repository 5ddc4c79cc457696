import { rmSync } from 'node:fs'
import { request } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startChildHost } from '../helpers/child-host'
import { makeDataDir } from '../helpers/data-dir'

let dataDir: string
beforeEach(async () => {
  dataDir = await makeDataDir('loket-first-run-')
})
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true })
})

const SETUP = {
  company: { name: 'Net Jaya', phone: '0812-3456-7890', timeZone: 'Asia/Jakarta' as const },
  admin: { name: 'Pemilik', username: 'owner', password: 'Sangat-Rahasia-42' },
}

type Child = Awaited<ReturnType<typeof startChildHost>>

/**
 * The code line `serve` prints right after the ready line, or null. It is written before the
 * host answers anything, so after one answer it is in the output if it was printed at all.
 */
async function printedCode(host: Child): Promise<string | null> {
  await fetch(`${host.url}api/health`)
  return /Kode penyiapan: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(host.output())?.[1] ?? null
}

/** A POST with the Host header a browser sends when it opens the host under `name`. */
function postAs(url: string, name: string, procedure: string): Promise<number> {
  const u = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: `/api/trpc/${procedure}`,
        method: 'POST',
        headers: { host: `${name}:${u.port}`, 'content-type': 'application/json' },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.end('{}')
  })
}

describe('npm run serve --host 0.0.0.0 on a fresh data directory (issue 13, finding 13)', () => {
  it('prints a new one-time code on every start until setup is done; this PC needs none', async () => {
    const args = ['--host', '0.0.0.0', '--allow-host', 'loket.kantor.lan']
    const first = await startChildHost(dataDir, args)
    const code1 = await printedCode(first)
    await first.kill9()
    const second = await startChildHost(dataDir, args)
    try {
      const code2 = await printedCode(second)
      expect(code1).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
      expect(code2).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
      expect(code2).not.toBe(code1)
      // The ready URL is 127.0.0.1: this PC sets up without a code.
      expect(second.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
      const { token } = await second.client().setup.complete.mutate(SETUP)
      expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/)
      // --allow-host: a name the operator adds may change data; any other name may not.
      expect(await postAs(second.url, 'loket.kantor.lan', 'auth.logout')).toBe(401)
      expect(await postAs(second.url, 'evil.example', 'auth.logout')).toBe(403)
    } finally {
      await second.kill9()
    }
    const third = await startChildHost(dataDir, args)
    try {
      expect(await printedCode(third)).toBeNull()
    } finally {
      await third.kill9()
    }
  }, 90_000)
})
