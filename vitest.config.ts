import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const dir = (p: string) => fileURLToPath(new URL(p, import.meta.url))

export default defineConfig({
  resolve: {
    alias: {
      '@shared': dir('./src/shared'),
      '@core': dir('./src/main/core'),
      '@api': dir('./src/main/api'),
      '@server': dir('./src/main/server'),
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // The CLI and host bundles the process tests start (test/helpers/node-entries.ts).
    globalSetup: ['test/global-setup.ts'],
    // Password hashes at N=2^10 instead of 2^17 in this run and the hosts and CLIs it starts
    // (src/main/core/auth/password-hash.ts; password-hash.test.ts checks the real default).
    env: { NODE_ENV: 'test', LOKET_TEST_SCRYPT_LOG2N: '10' },
    // Vitest's default is one fewer than the cores: one file at a time on this 2-core machine,
    // while most files spend their time waiting on a spawned CLI, a host's HTTP answer or
    // PostgreSQL. Two at a time keeps both cores busy.
    maxWorkers: 2,
    // scrypt N=2^17 takes a few hundred ms per hash on a slow CPU, and a test that signs several
    // users in, or spawns CLI processes one after another, took 30–50 s on this machine while
    // both cores were saturated: the limit is for a hung test, not a measure of speed (that is
    // what `npm run bench` is for).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
