import { readdirSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * `npm run bench [-- name-filter]`: runs every `*.bench.ts` in this folder in turn; each prints
 * JSON lines `{"bench", "unit", "median", "p95", …}`.
 */
const filter = process.argv[2]
const dir = import.meta.dirname
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort()
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as {
    run: () => Promise<void>
  }
  await mod.run()
}
