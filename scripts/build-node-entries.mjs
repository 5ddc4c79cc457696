// The command line and the headless host as two plain ES modules in out/node/, for the test
// suites that start them hundreds of times. Same sources as `npm run cli` / `npm run serve`;
// under tsx every start re-resolves and re-transforms ~700 files (about 2 s here), a bundle
// starts in well under one. Dependencies stay in node_modules, as in the Electron build.
// out/node/ sits two levels below the repository like src/main/, so the host's paths relative
// to its own file (out/renderer, CHANGELOG.md) resolve the same.
import { renameSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const NODE_ENTRIES = {
  cli: path.join(repo, 'out/node/cli.mjs'),
  serve: path.join(repo, 'out/node/serve.mjs'),
}

export async function buildNodeEntries() {
  for (const [name, outfile] of Object.entries(NODE_ENTRIES)) {
    // Written beside and renamed: a suite starting the CLI never sees half a file.
    const partial = `${outfile}.${process.pid}.tmp`
    await build({
      entryPoints: [path.join(repo, `src/main/${name}.ts`)],
      outfile: partial,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      alias: {
        '@shared': path.join(repo, 'src/shared'),
        '@core': path.join(repo, 'src/main/core'),
        '@api': path.join(repo, 'src/main/api'),
        '@server': path.join(repo, 'src/main/server'),
      },
      logLevel: 'warning',
    })
    renameSync(partial, outfile)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildNodeEntries()
