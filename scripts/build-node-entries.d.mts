/** See build-node-entries.mjs. */
export const NODE_ENTRIES: { cli: string; serve: string }
export function buildNodeEntries(): Promise<void>
