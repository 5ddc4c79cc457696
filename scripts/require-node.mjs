#!/usr/bin/env node
/**
 * `node scripts/require-node.mjs 22.12 "npm run dev"`: stops with a plain message when this Node.js
 * is older than the version a command really needs. The host, the CLI and the tests need 20.19
 * (package.json "engines"); Electron 45's own tooling (its binary download, electron-builder's
 * @electron/rebuild) declares 22.12, so the desktop commands check for that before they start.
 */
const [wanted = '20.19', what = 'Loket'] = process.argv.slice(2)

function parts(version) {
  return version
    .replace(/^v/, '')
    .split('.')
    .map((n) => Number.parseInt(n, 10) || 0)
}

const have = parts(process.versions.node)
const need = parts(wanted)
// Lexicographic on [major, minor, patch]: the first part that differs decides.
const i = need.findIndex((n, k) => n !== (have[k] ?? 0))
const older = i !== -1 && (have[i] ?? 0) < need[i]
if (older) {
  console.error(
    `\n${what} needs Node.js ${wanted} or newer; this is Node.js ${process.versions.node}.\n` +
      `Install a newer Node.js (https://nodejs.org) and run the command again.\n`,
  )
  process.exit(1)
}
