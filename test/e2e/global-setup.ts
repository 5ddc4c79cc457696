import { buildNodeEntries } from '../../scripts/build-node-entries.mjs'

/** Once per run, before any browser test: the CLI and host bundles the fixtures start. */
export default async function globalSetup(): Promise<void> {
  await buildNodeEntries()
}
