import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests drive the real UI in Debian's Chromium against a real headless host
 * (`npm run serve`) with a fresh data directory per test (see test/e2e/fixtures.ts).
 * Never `npx playwright install`: the browser comes from `apt-get install chromium`.
 */
// Password hashes at N=2^10 instead of 2^17 in the hosts and CLIs this run starts, which inherit
// the environment (src/main/core/auth/password-hash.ts; password-hash.test.ts checks the default).
process.env.NODE_ENV = 'test'
process.env.LOKET_TEST_SCRYPT_LOG2N = '10'

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // The CLI and host bundles the tests start (test/helpers/node-entries.ts).
  globalSetup: './test/global-setup.ts',
  // Two at a time: a test spends most of its time waiting on the browser's rendering and the
  // host's answers, and each has its own host and data directory. Speed is measured by
  // `npm run bench`, not here.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
})
