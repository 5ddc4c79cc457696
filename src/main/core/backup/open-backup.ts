import { createHash } from 'node:crypto'
import { mkdir, open } from 'node:fs/promises'
import path from 'node:path'
import { AppError } from '@shared/errors'
import {
  openBackupKey,
  readBackupHeader,
  readEntries,
  type BackupHeader,
  type OpenedHeader,
} from './container'
import {
  DATABASE_PART,
  FILES_PREFIX,
  KEY_PART,
  MANIFEST_PART,
  type BackupManifest,
} from './manifest'

export interface OpenedBackup {
  header: BackupHeader
  bytes: number
  manifest: BackupManifest
}

const damaged = (why: string) => new AppError('BACKUP_DAMAGED', why)

/** An attachment's name may not climb out of the files folder (`files/../secret.key`). */
function safeName(name: string): boolean {
  if (name === DATABASE_PART || name === KEY_PART || name === MANIFEST_PART) return true
  if (!name.startsWith(FILES_PREFIX)) return false
  const rest = name.slice(FILES_PREFIX.length).split('/')
  return rest.every((s) => s !== '' && s !== '.' && s !== '..' && !/[\\:\0]/.test(s))
}

/**
 * Reads a whole backup: every frame checked (the passphrase first), every part's bytes and
 * SHA-256 compared with the manifest. `placeOf` names the file each part is written to (its path
 * relative to `into`), or null to only hash it. Nothing is trusted until this returns.
 */
export async function openBackup(
  file: string,
  passphrase: string | null,
  into: string | null,
  placeOf: (name: string) => string | null,
): Promise<OpenedBackup> {
  const opened: OpenedHeader = await readBackupHeader(file)
  const key = await openBackupKey(opened.header, passphrase)
  const seen = new Map<string, { bytes: number; sha256: string }>()
  let manifestText = ''
  await readEntries(file, opened, key, async (name, length) => {
    const again = name === MANIFEST_PART ? manifestText !== '' : seen.has(name)
    if (!safeName(name) || again) throw damaged(`unexpected entry ${name}`)
    const hash = createHash('sha256')
    let bytes = 0
    const place = into === null ? null : placeOf(name)
    const manifestPieces: Buffer[] = []
    let handle: Awaited<ReturnType<typeof open>> | null = null
    if (place !== null && into !== null) {
      const target = path.join(into, place)
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
      handle = await open(target, 'wx', 0o600)
    }
    return {
      async write(piece) {
        hash.update(piece)
        bytes += piece.length
        if (name === MANIFEST_PART) manifestPieces.push(Buffer.from(piece))
        if (handle) await handle.write(piece)
      },
      async end() {
        if (bytes !== length) throw damaged(`${name}: ${bytes} of ${length} bytes`)
        if (handle) {
          await handle.sync()
          await handle.close()
        }
        if (name === MANIFEST_PART) manifestText = Buffer.concat(manifestPieces).toString('utf8')
        else seen.set(name, { bytes, sha256: hash.digest('hex') })
      },
    }
  })
  if (!manifestText) throw damaged('no manifest')
  let manifest: BackupManifest
  try {
    manifest = JSON.parse(manifestText) as BackupManifest
  } catch {
    throw damaged('manifest is not JSON')
  }
  const listed = new Set(manifest.parts.map((p) => p.name))
  for (const part of manifest.parts) {
    const got = seen.get(part.name)
    if (!got) throw damaged(`${part.name} is missing`)
    if (got.bytes !== part.bytes || got.sha256 !== part.sha256) {
      throw damaged(`${part.name}: sha256 differs from the manifest`)
    }
  }
  for (const name of seen.keys()) if (!listed.has(name)) throw damaged(`${name} not in manifest`)
  if (!seen.has(DATABASE_PART)) throw damaged('no database')
  if (manifest.keyIncluded !== seen.has(KEY_PART)) throw damaged('key part and manifest disagree')
  return { header: opened.header, bytes: opened.bytes, manifest }
}
