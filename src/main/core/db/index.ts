export { openDatabase, openMemoryDatabase, DATABASE_FILE } from './database'
export type { OpenDatabaseOptions } from './database'
export { knowsSchemaVersion, migrateToLatest, unknownMigrations } from './migrate'
export type { MigrateReport } from './migrate'
export { writeTx } from './write-tx'
export type { Db, Tx } from './write-tx'
export { isNetworkPath } from './network-path'
export type * from './schema'
export { nextNumber, bumpNumber, reserveNumbers } from './counters'
export { putSearchEntry, searchMatchIds } from './search-index'
export { insertEach, insertRows, insertValues } from './bulk-rows'
export { updateValuesById } from './bulk-rows'
export { assertNameFree, companyRow } from './company-rows'
export type { NamedCompanyTable } from './company-rows'
export { startCheckpoints } from './checkpoints'
export { engineOf } from './engine'
export type { Engine } from './engine'
export { idChunks, inIds, takeTurn, reserveIds, tableExists, unindexed } from './dialect'
export { checkReferencesPerStatement, createGuardTrigger, dropGuardTrigger } from './dialect-ddl'
export { isPostgresUrl, openPostgres } from './postgres'
export { isRefusedText } from './refused-text'
export { databaseEngine, schemaVersion } from './engine'
export type { DatabaseEngine } from './engine'
export { moveToPostgres } from './move-to-postgres'
export type { MoveReport } from './move-to-postgres'
export { ENGINE_FILE, recordPostgres, recordedPostgresUrl } from './engine-record'
export { openSqliteFile } from './database'
export { makePrivateDir } from './private-data-dir'
export {
  compareTallies,
  postgresSnapshot,
  snapshotIntegrity,
  sqliteSnapshot,
  tallyTables,
  withSnapshot,
} from './snapshot'
export type { SnapshotProgress, TableTally } from './snapshot'
