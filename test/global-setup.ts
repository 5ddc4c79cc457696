import { buildNodeEntries } from '../scripts/build-node-entries.mjs'

/** Once per run (Vitest and Playwright), before any test: the CLI and host bundles tests start. */
export default async function setup(): Promise<void> {
  await buildNodeEntries()
}
