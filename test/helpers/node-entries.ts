import { NODE_ENTRIES } from '../../scripts/build-node-entries.mjs'

/**
 * The CLI and the headless host bundled from src/main by scripts/build-node-entries.mjs, which
 * the suites' global setup (test/global-setup.ts, for Vitest and Playwright) runs first. Run with
 * `process.execPath`: one node process, so a signal reaches the one that holds the database.
 */
export const CLI_ENTRY = NODE_ENTRIES.cli
export const SERVE_ENTRY = NODE_ENTRIES.serve
