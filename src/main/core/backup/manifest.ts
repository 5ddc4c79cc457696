import type { TableTally } from '../db'

/**
 * The manifest, the last entry inside a backup (encrypted with it): what the backup holds and
 * the figures a verify or a restore checks the copy against.
 */
export interface BackupManifest {
  format: number
  createdAt: string
  createdBy: string
  company: string
  /** The last migration of the snapshot. */
  schemaVersion: string | null
  sourceEngine: 'sqlite' | 'postgres'
  /** Rows per table and the sum of every whole-number column (every money column among them). */
  tables: TableTally[]
  parts: BackupPart[]
  keyIncluded: boolean
}

export interface BackupPart {
  name: string
  bytes: number
  sha256: string
}

/** Entry names inside a backup. */
export const DATABASE_PART = 'database.sqlite'
export const KEY_PART = 'secret.key'
export const FILES_PREFIX = 'files/'
export const MANIFEST_PART = 'manifest.json'

/** Rows and money of a manifest, for a summary line. */
export function manifestTotals(manifest: BackupManifest): { tables: number; rows: number } {
  return {
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
  }
}
