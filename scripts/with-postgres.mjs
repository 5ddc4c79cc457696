// Runs a command with a throwaway PostgreSQL cluster beside it, for the tests that prove the
// PostgreSQL engine (LOKET_TEST_POSTGRES). `node scripts/with-postgres.mjs -- vitest run`.
// Uses Debian's postgresql (apt-get install postgresql); without it, or with LOKET_TEST_POSTGRES
// already set, the command runs as it is. Listens on 127.0.0.1 only, on a free port, with its
// data in a temporary directory that is removed afterwards. No system service is touched.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync, chownSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

const command = process.argv.slice(process.argv.indexOf('--') + 1)

function pgBin() {
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

function run(cmd, env) {
  const child = spawn(cmd[0], cmd.slice(1), { stdio: 'inherit', env, shell: false })
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)))
}

const bin = pgBin()
if (process.env.LOKET_TEST_POSTGRES || !bin) {
  if (!bin)
    console.warn(
      'with-postgres: no PostgreSQL here (apt-get install postgresql); engine tests skip',
    )
  process.exit(await run(command, process.env))
}

// initdb refuses to run as root: as root, the cluster belongs to the postgres user.
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
  if (r.status !== 0) throw new Error(`with-postgres: ${args.join(' ')} failed`)
}
exec(
  as([
    path.join(bin, 'initdb'),
    '-D',
    data,
    '-U',
    'loket',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C',
  ]),
)
exec(
  as([
    path.join(bin, 'pg_ctl'),
    '-D',
    data,
    '-w',
    '-l',
    path.join(dir, 'log'),
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=300`,
    'start',
  ]),
)
const stop = as([path.join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'])
try {
  process.exitCode = await run(command, {
    ...process.env,
    LOKET_TEST_POSTGRES: `postgres://loket@127.0.0.1:${port}/postgres`,
  })
} finally {
  spawnSync(stop[0], stop.slice(1), { stdio: 'ignore' })
  rmSync(dir, { recursive: true, force: true })
}
