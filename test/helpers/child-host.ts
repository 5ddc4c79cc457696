import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { createTRPCClient, httpBatchLink } from '@trpc/client'
import type { AppRouter } from '@api/index'
import { SERVE_ENTRY } from './node-entries'

const root = path.resolve(import.meta.dirname, '../..')

/**
 * The headless host as its own process (what runs in an office), so a test can kill -9 it.
 * Port 0: the OS picks a free port; the URL is read from the "ready" line.
 */
export async function startChildHost(
  dataDir: string,
  args: string[] = [],
): Promise<{
  url: string
  child: ChildProcess
  output: () => string
  client: (token?: string | null) => ReturnType<typeof createTRPCClient<AppRouter>>
  kill9: () => Promise<void>
}> {
  // One plain node process on the bundled host (not the tsx launcher, which runs the script in a
  // second process): the SIGKILL must hit the process that holds the database.
  const child = spawn(
    process.execPath,
    [SERVE_ENTRY, '--data-dir', dataDir, '--port', '0', ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  const deadline = Date.now() + 60_000
  let url = ''
  while (!url) {
    const m = /Loket host ready at (\S+)/.exec(output)
    if (m) url = m[1]!
    else if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the host did not start:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 25))
  }
  return {
    url,
    child,
    output: () => output,
    client: (token?: string | null) =>
      createTRPCClient<AppRouter>({
        links: [
          httpBatchLink({
            url: `${url}api/trpc`,
            headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
          }),
        ],
      }),
    kill9: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGKILL')
      await exited
    },
  }
}
