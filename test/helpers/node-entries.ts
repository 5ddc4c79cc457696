import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

/**
 * The CLI and the headless host bundled from src/main by scripts/build-node-entries.mjs, which
 * the suites' global setup runs first (test/global-setup.ts, test/e2e/global-setup.ts). Run with
 * `process.execPath`: one node process, so a signal reaches the one that holds the database.
 */
export const CLI_ENTRY = path.join(root, 'out/node/cli.mjs')
export const SERVE_ENTRY = path.join(root, 'out/node/serve.mjs')
