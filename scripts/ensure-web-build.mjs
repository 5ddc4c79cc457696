// Runs before `npm run serve`: rebuilds the renderer only when its sources are newer than the
// build, so the host never serves a stale UI and a fresh checkout needs no separate build step.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const builtIndex = path.join(repo, 'out', 'renderer', 'index.html')
const sources = ['src/renderer', 'src/shared'].map((dir) => path.join(repo, dir))

function mtimeOf(file) {
  try {
    return statSync(file).mtimeMs
  } catch {
    return null
  }
}

/** The newest modification time of any file below `dir` (0 when the folder is missing). */
function newestIn(dir) {
  let newest = 0
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return 0
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules') continue
    const full = path.join(dir, entry.name)
    const time = entry.isDirectory() ? newestIn(full) : (mtimeOf(full) ?? 0)
    if (time > newest) newest = time
  }
  return newest
}

const built = mtimeOf(builtIndex)
const newestSource = Math.max(...sources.map(newestIn))
if (built !== null && built >= newestSource) process.exit(0)

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const result = spawnSync(npx, ['vite', 'build', '--config', 'src/renderer/vite.config.ts'], {
  cwd: repo,
  stdio: 'inherit',
  // npx.cmd is a batch file: Windows only runs it through a shell.
  shell: process.platform === 'win32',
})
if (result.error) {
  console.error(`ensure-web-build: could not run vite: ${result.error.message}`)
  process.exit(1)
}
process.exit(result.status ?? 1)
