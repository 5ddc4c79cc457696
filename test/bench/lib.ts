import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { once } from 'node:events'
import { createServer } from 'node:net'
import path from 'node:path'
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client'
import type { AppRouter } from '@api/index'

export const ROOT = path.resolve(import.meta.dirname, '../..')

/** One JSON line per figure: what `npm run bench` prints. */
export function report(
  bench: string,
  unit: string,
  samples: number[],
  extra: Record<string, unknown> = {},
): void {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  const round = (n: number) => Math.round(n * 100) / 100
  console.log(
    JSON.stringify({
      bench,
      unit,
      runs: samples.length,
      median: round(at(0.5)),
      p95: round(at(0.95)),
      min: round(sorted[0]!),
      max: round(sorted.at(-1)!),
      ...extra,
    }),
  )
}

export async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const port = (server.address() as { port: number }).port
  server.close()
  return port
}

/** Starts the headless host as `npm run serve` does (node + tsx), without the web build step. */
export function spawnHost(dataDir: string, port: number): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/main/serve.ts',
      '--data-dir',
      dataDir,
      '--port',
      String(port),
      '--web-root',
      path.join(ROOT, 'out/renderer'),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  )
}

export async function waitHealthy(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error(`host on port ${port} not healthy after ${timeoutMs} ms`)
}

export async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  child.kill('SIGTERM')
  await once(child, 'exit')
}

/** A fresh data dir with a company and its superadmin (owner / Sangat-Rahasia-42), via the CLI. */
export function initDataDir(prefix: string): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix))
  const init = [
    'init',
    '--company',
    'Bench Net',
    '--admin-user',
    'owner',
    '--admin-password',
    'Sangat-Rahasia-42',
  ]
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/main/cli.ts', ...init, '--data-dir', dataDir, '--json'],
    {
      cwd: ROOT,
    },
  )
  return dataDir
}

/**
 * The API of a host on `port` signed in as the bench's owner, linked as a LAN browser is
 * (src/renderer/src/api/client.ts): queries batched, a mutation sent at once.
 */
async function ownerApi(port: number) {
  const link = (token?: string | null) => {
    const http = {
      url: `http://127.0.0.1:${port}/api/trpc`,
      headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
    }
    return createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'mutation',
          true: httpLink(http),
          false: httpBatchLink(http),
        }),
      ],
    })
  }
  const { token } = await link().auth.login.mutate({
    username: 'owner',
    password: 'Sangat-Rahasia-42',
  })
  return link(token)
}

/** Runs `fn` against a host started on `dataDir` (its own process), signed in as the owner. */
export async function withOwnerHost<T>(
  dataDir: string,
  fn: (api: Awaited<ReturnType<typeof ownerApi>>) => Promise<T>,
): Promise<T> {
  const port = await freePort()
  const host = spawnHost(dataDir, port)
  try {
    await waitHealthy(port, 120_000)
    return await fn(await ownerApi(port))
  } finally {
    await stopHost(host)
  }
}
