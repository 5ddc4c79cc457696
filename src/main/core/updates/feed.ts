import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { AppError } from '@shared/errors'
import type { Clock } from '../clock'
import { compareSemVer, parseSemVer } from './semver'

/**
 * The update feed a host serves at /updates/: electron-updater's generic provider reads
 * `latest.yml` there, then downloads the installer it names (and, for a differential download,
 * `<installer>.blockmap` of the new and of the installed version, found by file name).
 * Older installers and blockmaps stay, so a desktop one version behind can still diff.
 */
export const FEED_FILE = 'latest.yml'

export function updatesDir(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'updates')
}

export interface PublishInput {
  /** The installer built by electron-builder (Loket-Setup-1.2.0.exe). */
  file: string
  version: string
  /** The release notes shown in "Versi baru tersedia"; plain text or markdown. */
  notes?: string | null
}

export interface PublishedUpdate {
  version: string
  previousVersion: string | null
  /** The installer's file name in the feed folder (its URL relative to /updates/). */
  path: string
  /** base64 of the SHA-512 of the installer, as electron-updater checks it. */
  sha512: string
  size: number
  blockmap: string | null
  releaseDate: string
  dir: string
}

/** A problem with what was asked, tied to the CLI option or argument to fix. */
function invalid(option: string, message: string, values?: Record<string, unknown>): AppError {
  return new AppError('VALIDATION', `${option}: ${message}`, {
    option,
    issues: [{ option: option === 'FILE' ? 'FILE' : `--${option}`, path: option, message, values }],
  })
}

/** The version in a feed's latest.yml, or null when nothing was published yet. */
export async function publishedVersion(dir: string): Promise<string | null> {
  let text: string
  try {
    text = await readFile(path.join(dir, FEED_FILE), 'utf8')
  } catch {
    return null
  }
  const m = /^version:\s*(.+?)\s*$/m.exec(text)
  if (!m?.[1]) return null
  const raw = m[1]
  return raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.replace(/^'(.*)'$/, '$1')
}

async function sha512Of(file: string): Promise<string> {
  const hash = createHash('sha512')
  await pipeline(createReadStream(file), hash)
  return hash.digest('base64')
}

/** JSON strings are YAML double-quoted scalars: any note text round-trips without escaping rules of our own. */
const q = (value: string) => JSON.stringify(value)

/** latest.yml in the shape electron-builder writes for NSIS (files[] plus the legacy path/sha512). */
export function feedYaml(u: {
  version: string
  path: string
  sha512: string
  size: number
  releaseDate: string
  notes?: string | null
}): string {
  const lines = [
    `version: ${q(u.version)}`,
    'files:',
    `  - url: ${q(u.path)}`,
    `    sha512: ${q(u.sha512)}`,
    `    size: ${u.size}`,
    `path: ${q(u.path)}`,
    `sha512: ${q(u.sha512)}`,
    `releaseDate: ${q(u.releaseDate)}`,
  ]
  if (u.notes?.trim()) lines.push(`releaseNotes: ${q(u.notes.trim())}`)
  return `${lines.join('\n')}\n`
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}

/** Copies a file in beside its final name, then renames it: a reader never sees half a file. */
async function placeFile(from: string, to: string): Promise<void> {
  const temp = path.join(path.dirname(to), `.${path.basename(to)}.${process.pid}.tmp`)
  try {
    await copyFile(from, temp)
    await rename(temp, to)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/**
 * Publishes an installer on the host's feed: copies it (and its .blockmap when one lies beside
 * it), then writes latest.yml last, by rename, so desktops see either the old feed or the whole
 * new one. Refuses a version a desktop would not install (not semver, or not newer).
 */
export async function publishUpdate(
  dataDir: string,
  input: PublishInput,
  clock: Clock,
): Promise<PublishedUpdate> {
  const version = parseSemVer(input.version)
  if (!version) throw invalid('version', 'cli.update_version', { version: input.version })
  if (!(await isFile(input.file))) throw invalid('FILE', 'cli.update_file', { file: input.file })
  const dir = updatesDir(dataDir)
  const previousVersion = await publishedVersion(dir)
  const previous = previousVersion ? parseSemVer(previousVersion) : null
  if (previous && compareSemVer(version, previous) <= 0) {
    throw invalid('version', 'cli.update_not_newer', {
      version: input.version,
      current: previousVersion,
    })
  }
  const name = path.basename(input.file)
  if (name === FEED_FILE || name.startsWith('.')) {
    throw invalid('FILE', 'cli.update_file', { file: input.file })
  }
  // Each version keeps its own file: a differential download finds the installed version's
  // blockmap by its name, and installers are served as immutable.
  if (!name.includes(input.version.trim())) {
    throw invalid('FILE', 'cli.update_file_name', { file: name, version: input.version.trim() })
  }
  await mkdir(dir, { recursive: true, mode: 0o700 })
  await placeFile(input.file, path.join(dir, name))
  const blockmapSource = `${input.file}.blockmap`
  const blockmap = (await isFile(blockmapSource)) ? `${name}.blockmap` : null
  if (blockmap) await placeFile(blockmapSource, path.join(dir, blockmap))
  // The hash and size of the copy desktops download, not of the source (which may change).
  const target = path.join(dir, name)
  const sha512 = await sha512Of(target)
  const size = (await stat(target)).size
  const releaseDate = clock.now().toISOString()
  const yaml = feedYaml({
    version: input.version.trim(),
    path: name,
    sha512,
    size,
    releaseDate,
    notes: input.notes,
  })
  const temp = path.join(dir, `.${FEED_FILE}.${process.pid}.tmp`)
  await writeFile(temp, yaml)
  await rename(temp, path.join(dir, FEED_FILE))
  return {
    version: input.version.trim(),
    previousVersion,
    path: name,
    sha512,
    size,
    blockmap,
    releaseDate,
    dir,
  }
}
