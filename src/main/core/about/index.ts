import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { databaseEngine, schemaVersion, type DatabaseEngine, type Db } from '../db'

export interface AboutInfo {
  version: string
  engine: DatabaseEngine
  /** The last migration the database has run (202612042001_…). */
  schemaVersion: string | null
  dataDir: string | null
  /** CHANGELOG.md as written, or null when this build carries none. */
  changelog: string | null
}

/** What "Tentang Loket" shows: the app, its database and what changed in each version. */
export async function aboutInfo(deps: {
  db: Db
  version: string
  dataDir?: string
  changelogFile: string
}): Promise<AboutInfo> {
  let changelog: string | null = null
  try {
    changelog = (await readFile(deps.changelogFile, 'utf8')).trim() || null
  } catch {
    // A build without the file shows the empty state, not an error.
  }
  return {
    version: deps.version,
    engine: databaseEngine(deps.db),
    schemaVersion: await schemaVersion(deps.db),
    dataDir: deps.dataDir ? path.resolve(deps.dataDir) : null,
    changelog,
  }
}
