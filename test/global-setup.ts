import { buildNodeEntries } from '../scripts/build-node-entries.mjs'

/** Once per run, before any test file: the CLI and host bundles the process tests start. */
export default async function setup(): Promise<void> {
  await buildNodeEntries()
}
