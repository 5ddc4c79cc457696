import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test as base } from '@playwright/test'
import { SERVE_ENTRY } from '../helpers/node-entries'

const ROOT = path.resolve(import.meta.dirname, '../..')

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  return port
}

export interface Host {
  url: string
  dataDir: string
  output: () => string
}

/**
 * The headless host (`npm run serve`, bundled by the global setup: test/helpers/node-entries.ts)
 * on a fresh data dir and a free port, stopped (whole process group) after the test. The web
 * build it serves is the one `npm run test:e2e` makes first.
 */
async function startServe(): Promise<{ host: Host; child: ChildProcess }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'loket-e2e-'))
  const port = await freePort()
  const child = spawn(
    process.execPath,
    [SERVE_ENTRY, '--data-dir', dataDir, '--port', String(port)],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  const url = `http://127.0.0.1:${port}/`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (output.includes('Loket host ready at')) break
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the host did not start:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  return { host: { url, dataDir, output: () => output }, child }
}

export const test = base.extend<{ host: Host }>({
  host: async ({}, use) => {
    const { host, child } = await startServe()
    try {
      await use(host)
    } finally {
      try {
        process.kill(-child.pid!, 'SIGTERM')
      } catch {
        // already gone
      }
      if (child.exitCode === null) await once(child, 'exit')
      rmSync(host.dataDir, { recursive: true, force: true })
    }
  },
})

export { expect } from '@playwright/test'
