import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import type { Clock } from '../clock'
import {
  DATABASE_FILE,
  engineOf,
  postgresSnapshot,
  schemaVersion,
  sqliteSnapshot,
  tallyTables,
  withSnapshot,
  writeTx,
  type Db,
} from '../db'
import {
  BACKUP_EXTENSION,
  BackupWriter,
  FORMAT,
  newBackupKey,
  type BackupHeader,
} from './container'
import {
  DATABASE_PART,
  FILES_PREFIX,
  KEY_PART,
  MANIFEST_PART,
  type BackupManifest,
  type BackupPart,
} from './manifest'
import { fsyncDir, partialName, snapshotName } from './temp-files'

export const BACKUP_FOLDER = 'backups'
const KEY_FILE = 'secret.key'
const FILES_DIR = 'files'

export interface BackupProgress {
  stage: 'snapshot' | 'database' | 'files' | 'done'
  done: number
  total: number
}

export interface CreateBackupOptions {
  db: Db
  dataDir: string
  clock: Clock
  /** null: a backup without the secrets key and without encryption (see BackupResult). */
  passphrase: string | null
  /** Who asked (the header's "created by"); the backup is recorded in the live database's audit log. */
  actor: Actor
  /** The file to write; default `<data-dir>/backups/loket-<time>.loket-backup`. */
  out?: string
  onProgress?: (progress: BackupProgress) => void
}

export interface BackupResult {
  file: string
  bytes: number
  encrypted: boolean
  keyIncluded: boolean
  manifest: BackupManifest
}

/**
 * Writes one backup file: a snapshot of the database, the attachments and (with a passphrase)
 * the key that unseals router and gateway secrets, all encrypted with the passphrase. The file
 * is written under a temporary name, flushed to disk and only then renamed: a crash or a kill
 * midway leaves a `.partial` file that `backup list` removes, never a file that looks complete.
 *
 * Without a passphrase nothing can be encrypted: the file is plain (checked against damage, not
 * against a reader), and the secrets key stays out, so router and gateway passwords restored
 * from it stay sealed and must be entered again.
 */
export async function createBackup(options: CreateBackupOptions): Promise<BackupResult> {
  const { db, dataDir, clock, passphrase } = options
  const progress = options.onProgress ?? (() => {})
  const createdAt = clock.now()
  const privateFolder = path.join(path.resolve(dataDir), BACKUP_FOLDER)
  const file = path.resolve(options.out ?? path.join(privateFolder, defaultName(createdAt)))
  if (!file.endsWith(BACKUP_EXTENSION)) {
    throw new AppError('VALIDATION', `a backup file name ends with ${BACKUP_EXTENSION}`)
  }
  if (existsSync(file)) throw new AppError('BACKUP_EXISTS', file)
  await mkdir(privateFolder, { recursive: true, mode: 0o700 })
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 })

  // The snapshot is plain database: it waits in the private data directory, never beside the
  // backup (a USB disk), and is removed however this ends.
  const snapshot = path.join(privateFolder, snapshotName(process.pid, randomUUID()))
  const partial = partialName(file, process.pid)
  try {
    progress({ stage: 'snapshot', done: 0, total: 1 })
    const sourceEngine = engineOf(db)
    if (sourceEngine === 'sqlite') {
      await sqliteSnapshot(path.join(path.resolve(dataDir), DATABASE_FILE), snapshot, (d, t) =>
        progress({ stage: 'snapshot', done: d, total: t }),
      )
    } else {
      await postgresSnapshot(db, snapshot, (d, t) =>
        progress({ stage: 'snapshot', done: d, total: t }),
      )
    }
    const { tables, version, company } = await withSnapshot(snapshot, async (copy) => ({
      tables: await tallyTables(copy, snapshot),
      version: await schemaVersion(copy),
      company:
        (await copy.selectFrom('companies').select('name').orderBy('id').executeTakeFirst())
          ?.name ?? '',
    }))

    const keyFile = path.join(path.resolve(dataDir), KEY_FILE)
    const keyIncluded = passphrase !== null && existsSync(keyFile)
    const secret = passphrase === null ? null : await newBackupKey(passphrase)
    const header: BackupHeader = {
      format: FORMAT,
      createdAt: createdAt.toISOString(),
      createdBy: options.actor.username ?? 'unknown',
      company,
      schemaVersion: version,
      sourceEngine,
      encrypted: secret !== null,
      keyIncluded,
      ...(secret ? { kdf: secret.kdf, noncePrefix: secret.noncePrefix } : {}),
    }
    const attachments = await listFiles(path.join(path.resolve(dataDir), FILES_DIR))
    const handle = await open(partial, 'wx', 0o600)
    const parts: BackupPart[] = []
    try {
      const writer = new BackupWriter(handle, header, secret?.key ?? null)
      const addFile = async (name: string, source: string) => {
        const { size } = await stat(source)
        await writer.entry(name, size)
        const hash = createHash('sha256')
        let bytes = 0
        for await (const piece of createReadStream(source, { highWaterMark: 1024 * 1024 })) {
          const buffer = piece as Buffer
          hash.update(buffer)
          bytes += buffer.length
          await writer.write(buffer)
        }
        if (bytes !== size) throw new Error(`${source} changed while it was copied`)
        parts.push({ name, bytes, sha256: hash.digest('hex') })
      }
      progress({ stage: 'database', done: 0, total: 1 })
      await addFile(DATABASE_PART, snapshot)
      progress({ stage: 'database', done: 1, total: 1 })
      let done = 0
      for (const relative of attachments) {
        await addFile(
          FILES_PREFIX + relative,
          path.join(path.resolve(dataDir), FILES_DIR, relative),
        )
        progress({ stage: 'files', done: ++done, total: attachments.length })
      }
      if (keyIncluded) await addFile(KEY_PART, keyFile)
      const manifest: BackupManifest = {
        format: FORMAT,
        createdAt: header.createdAt,
        createdBy: header.createdBy,
        company,
        schemaVersion: version,
        sourceEngine,
        tables,
        parts,
        keyIncluded,
      }
      const body = Buffer.from(JSON.stringify(manifest), 'utf8')
      await writer.entry(MANIFEST_PART, body.length)
      await writer.write(body)
      await writer.finish()
      await handle.sync()
      await handle.close()
      if (existsSync(file)) throw new AppError('BACKUP_EXISTS', file)
      await rename(partial, file)
      await fsyncDir(path.dirname(file))
      const { size } = await stat(file)
      await writeTx(db, (tx) =>
        appendAudit(tx, clock, options.actor, {
          action: 'backup.create',
          after: {
            file: path.basename(file),
            bytes: size,
            encrypted: header.encrypted,
            keyIncluded,
            rows: tables.reduce((sum, t) => sum + t.rows, 0),
          },
        }),
      )
      progress({ stage: 'done', done: 1, total: 1 })
      return { file, bytes: size, encrypted: header.encrypted, keyIncluded, manifest }
    } catch (error) {
      await handle.close().catch(() => {})
      await rm(partial, { force: true })
      throw error
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      await rm(snapshot + suffix, { force: true })
  }
}

/** `loket-2026-12-04T231750Z.loket-backup`: sorts by time, safe on every file system. */
export function defaultName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '')
  return `loket-${stamp}${BACKUP_EXTENSION}`
}

/** Every attachment's path below the files folder, in a stable order; half-written ones skipped. */
async function listFiles(root: string): Promise<string[]> {
  if (!existsSync(root)) return []
  const found: string[] = []
  const walk = async (dir: string, prefix: string) => {
    const entries = await readdir(dir, { withFileTypes: true })
    entries.sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const entry of entries) {
      const relative = prefix + entry.name
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), `${relative}/`)
      else if (entry.isFile() && !entry.name.endsWith('.tmp')) found.push(relative)
    }
  }
  await walk(root, '')
  return found
}
