// Runs a command with a throwaway PostgreSQL cluster beside it, for the tests that prove the
// PostgreSQL engine (LOKET_TEST_POSTGRES). `node scripts/with-postgres.mjs -- vitest run`.
// With `--engine postgres` the suites themselves run on PostgreSQL (LOKET_TEST_ENGINE): every
// test database and test data directory lives on the cluster.
// Uses Debian's postgresql (apt-get install postgresql); without it, or with LOKET_TEST_POSTGRES
// already set, the command runs as it is (and `--engine postgres` is skipped with a warning).
// Listens on 127.0.0.1 only, on a free port, with its data in a temporary directory that is
// removed afterwards. No system service is touched.
import { spawn } from 'node:child_process'
import { postgresBin, startPostgresCluster } from './postgres-cluster.mjs'

const command = process.argv.slice(process.argv.indexOf('--') + 1)
const options = process.argv.slice(2, process.argv.indexOf('--'))
const onPostgres = options.join(' ') === '--engine postgres'
if (options.length && !onPostgres) {
  console.error('usage: node scripts/with-postgres.mjs [--engine postgres] -- COMMAND…')
  process.exit(2)
}

function run(cmd, env) {
  const child = spawn(cmd[0], cmd.slice(1), { stdio: 'inherit', env, shell: false })
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code ?? 1))
    // A command that cannot start (not on PATH) has no exit: without this the script ended with
    // the promise pending and left its cluster running.
    child.on('error', (error) => {
      console.error(`with-postgres: ${cmd[0]}: ${error.message}`)
      resolve(127)
    })
  })
}

const bin = postgresBin()
const engineEnv = onPostgres ? { LOKET_TEST_ENGINE: 'postgres' } : {}
if (!process.env.LOKET_TEST_POSTGRES && !bin) {
  console.warn('with-postgres: no PostgreSQL here (apt-get install postgresql)')
  // The PostgreSQL run has nothing to run on; the SQLite run goes on without the engine tests.
  if (onPostgres) process.exit(0)
  process.exit(await run(command, process.env))
}
if (process.env.LOKET_TEST_POSTGRES)
  process.exit(await run(command, { ...process.env, ...engineEnv }))

// Not durable: a test cluster does not outlive the run (postgres-cluster.mjs).
const cluster = await startPostgresCluster(bin, { durable: false })
try {
  process.exitCode = await run(command, {
    ...process.env,
    ...engineEnv,
    LOKET_TEST_POSTGRES: cluster.url,
  })
} finally {
  cluster.stop()
}
