// A throwaway PostgreSQL cluster for tests and benchmarks: Debian's postgresql (apt-get install
// postgresql), 127.0.0.1 only, a free port, its data in a temporary directory that `stop()`
// removes. No system service is touched. As root the cluster belongs to the postgres user
// (initdb refuses to run as root).
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** The newest installed PostgreSQL's bin directory, or null when none is installed. */
export function postgresBin() {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a))
  for (const v of versions) {
    const bin = path.join(root, v, 'bin')
    if (existsSync(path.join(bin, 'pg_ctl'))) return bin
  }
  return null
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts a cluster; resolves to `{ url, stop }` where `url` is `postgres://loket@127.0.0.1:PORT/postgres`
 * (trust authentication: the cluster lives only as long as the run that started it).
 * `durable: false` (the test suites) skips fsync: what a killed host or client wrote is still in
 * the OS's cache and reaches the server, only a power cut would lose it, and this cluster does not
 * outlive the run. Each of the suites' thousands of commits and per-test databases (CREATE
 * DATABASE … TEMPLATE) otherwise waits on the disk. Benchmarks keep the durable default.
 */
export async function startPostgresCluster(bin = postgresBin(), o = { durable: true }) {
  if (!bin) throw new Error('no PostgreSQL installed (apt-get install postgresql)')
  const asRoot = process.getuid?.() === 0
  const as = (args) => (asRoot ? ['runuser', '-u', 'postgres', '--', ...args] : args)
  const dir = mkdtempSync(path.join(tmpdir(), 'loket-pg-'))
  chmodSync(dir, 0o700)
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString())
    chownSync(dir, uid, gid)
  }
  const data = path.join(dir, 'data')
  const port = await freePort()
  const exec = (args) => {
    const r = spawnSync(args[0], args.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] })
    if (r.status !== 0) throw new Error(`postgres-cluster: ${args.join(' ')} failed`)
  }
  const initdb = [path.join(bin, 'initdb'), '-D', data, '-U', 'loket', '--auth=trust']
  exec(as([...initdb, '-E', 'UTF8', '--locale=C', ...(o.durable ? [] : ['--no-sync'])]))
  exec(
    as([
      path.join(bin, 'pg_ctl'),
      '-D',
      data,
      '-w',
      '-l',
      path.join(dir, 'log'),
      '-o',
      `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=300` +
        (o.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'),
      'start',
    ]),
  )
  const stopCommand = as([path.join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'])
  return {
    url: `postgres://loket@127.0.0.1:${port}/postgres`,
    stop() {
      spawnSync(stopCommand[0], stopCommand.slice(1), { stdio: 'ignore' })
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
