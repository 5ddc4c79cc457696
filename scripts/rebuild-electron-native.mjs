#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI into .electron-native/better-sqlite3/, for `npm run dev`.
 *
 * node_modules/better-sqlite3 keeps its plain-Node build (tests, `serve`, the CLI use it); the
 * desktop in development passes the Electron build as better-sqlite3's `nativeBinding`
 * (src/main/desktop/paths.ts). Packaged apps do not need this: electron-builder rebuilds the
 * module for Electron inside the package.
 *
 *   node scripts/rebuild-electron-native.mjs [--force]
 *
 * Needs the network (Electron headers from electronjs.org) the first time, and a C++ toolchain
 * with Python (Windows: Visual Studio Build Tools "Desktop development with C++").
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(path.join(root, 'package.json'))
const outDir = path.join(root, '.electron-native', 'better-sqlite3')
const binary = path.join(outDir, 'build', 'Release', 'better_sqlite3.node')
const stampFile = path.join(outDir, 'loket-build.json')

function fail(message) {
  console.error(`\n[rebuild:electron] FAILED: ${message}\n`)
  process.exit(1)
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'))
}

function packageDir(name) {
  try {
    return path.dirname(require.resolve(`${name}/package.json`))
  } catch {
    return fail(`${name} is not installed. Run \`npm install\` first.`)
  }
}

/** node-gyp from the project, else the one npm runs scripts with, else the one bundled with npm. */
function findNodeGyp() {
  const candidates = []
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'))
  } catch {
    // not a (hoisted) dependency of this project
  }
  if (process.env.npm_config_node_gyp) candidates.push(process.env.npm_config_node_gyp)
  const nodeDir = path.dirname(process.execPath)
  candidates.push(
    path.join(nodeDir, '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
    path.join(nodeDir, 'node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
  )
  return (
    candidates.find((file) => existsSync(file)) ??
    fail('node-gyp was not found (it ships with npm).')
  )
}

const electronVersion = readJson(path.join(packageDir('electron'), 'package.json')).version
const sqliteDir = packageDir('better-sqlite3')
const sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version
const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, arch: process.arch }

if (!process.argv.includes('--force') && existsSync(binary) && existsSync(stampFile)) {
  const built = readJson(stampFile)
  if (Object.entries(wanted).every(([key, value]) => built[key] === value)) {
    console.log(`[rebuild:electron] up to date (Electron ${electronVersion}): ${binary}`)
    process.exit(0)
  }
}

console.log(
  `[rebuild:electron] better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.arch})`,
)
// A copy of the package, so node_modules/better-sqlite3/build (the Node build) is never touched.
rmSync(outDir, { recursive: true, force: true })
mkdirSync(path.dirname(outDir), { recursive: true })
cpSync(sqliteDir, outDir, {
  recursive: true,
  filter: (source) => {
    const top = path.relative(sqliteDir, source).split(path.sep)[0]
    return top !== 'build' && top !== 'node_modules' && top !== 'prebuilds'
  },
})

// npm and CI may set nodedir/target/runtime for plain Node; they would win over our flags.
const env = { ...process.env }
for (const key of Object.keys(env)) {
  if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch)$/i.test(key)) delete env[key]
}

const args = [
  findNodeGyp(),
  'rebuild',
  '--release',
  '--runtime=electron',
  `--target=${electronVersion}`,
  `--arch=${process.arch}`,
  '--dist-url=https://electronjs.org/headers',
  // Electron headers in their own cache, apart from the Node headers node-gyp keeps.
  `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
]
const result = spawnSync(process.execPath, args, { cwd: outDir, env, stdio: 'inherit' })

if (result.error) fail(`could not run node-gyp: ${result.error.message}`)
if (result.status !== 0) {
  fail(
    `node-gyp exited with ${result.status ?? result.signal}. Usual causes:\n` +
      '  - no internet access to https://electronjs.org/headers (the Electron headers download);\n' +
      '  - no C++ toolchain or Python (Windows: install Visual Studio Build Tools with\n' +
      '    "Desktop development with C++"; Linux: build-essential and python3).\n' +
      'node_modules/better-sqlite3 (the Node build used by tests) was not changed.',
  )
}
if (!existsSync(binary)) fail(`node-gyp succeeded but ${binary} is missing.`)

writeFileSync(
  stampFile,
  `${JSON.stringify({ ...wanted, builtAt: new Date().toISOString() }, null, 2)}\n`,
)
console.log(`[rebuild:electron] done: ${binary}`)
console.log('[rebuild:electron] `npm run dev` passes it to better-sqlite3 as nativeBinding.')
