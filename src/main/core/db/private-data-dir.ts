import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
} from 'node:fs'
import path from 'node:path'

/**
 * The data directory holds the database (customers' NIK and addresses), KTP scans, the secret key
 * and a linked WhatsApp session: on a shared PC or server only its owner may read any of it.
 * POSIX permissions only; on Windows the directory lives under the user's own profile.
 */
const POSIX = process.platform !== 'win32'
export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/** Creates the directory (and missing parents) for its owner only, and makes an existing one so. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  if (POSIX) chmodSync(dir, PRIVATE_DIR_MODE)
}

/**
 * Creates an empty file readable by its owner only, unless it exists. SQLite gives a database's
 * -wal and -shm files the database file's own permissions, so creating it first covers them too.
 */
export function makePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE))
}

/**
 * What Loket keeps in a data directory: the database and its WAL files (core/db), the secret key
 * (core/secrets), uploaded documents (core/files) and linked WhatsApp sessions (core/messaging).
 * Only these are walked: a data directory pointed at a folder with other things in it (`.`) must
 * not have their modes changed, and the directory's own 0700 already keeps others out of them.
 */
const DATA_DIR_ENTRIES = [
  'loket.sqlite',
  'loket.sqlite-wal',
  'loket.sqlite-shm',
  'loket.sqlite-journal',
  'secret.key',
  'files',
  'whatsapp-session',
  'updates',
  'mode.json',
  'database.json',
]

/**
 * Takes read access away from everyone but the owner in a data directory an older version (or a
 * copy, or a restore) left open: the directory and its folders 0700, files 0600. Only what differs
 * is changed; links are left alone (their target is not ours to change). A few milliseconds per
 * thousand files.
 */
export function tightenPrivateDir(dir: string): number {
  if (!POSIX) return 0
  let changed = 0
  const walk = (p: string) => {
    const stat = lstatSync(p)
    if (stat.isSymbolicLink()) return
    const wanted = stat.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE
    // A file already closed to everyone else stays as it is: the SQLite file a move to
    // PostgreSQL left behind is owner-read-only on purpose.
    const open = stat.isDirectory() ? (stat.mode & 0o777) !== wanted : (stat.mode & 0o077) !== 0
    if (open) {
      chmodSync(p, wanted)
      changed++
    }
    if (stat.isDirectory()) for (const name of readdirSync(p)) walk(path.join(p, name))
  }
  if ((lstatSync(dir).mode & 0o777) !== PRIVATE_DIR_MODE) {
    chmodSync(dir, PRIVATE_DIR_MODE)
    changed++
  }
  for (const name of DATA_DIR_ENTRIES) {
    const entry = path.join(dir, name)
    if (existsSync(entry)) walk(entry)
  }
  return changed
}
