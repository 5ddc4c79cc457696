import { chmodSync, existsSync } from 'node:fs'
import path from 'node:path'
import { AppError } from '@shared/errors'
import { verifyAuditChain } from '../core/audit'
import {
  DATABASE_FILE,
  isPostgresUrl,
  moveToPostgres,
  openDatabase,
  openPostgres,
  recordPostgres,
  recordedPostgresUrl,
} from '../core/db'
import type { CommandDef } from './commands'
import { optionError } from './option-errors'
import { count } from './words'

/**
 * `db move-to-postgres`: the operator who outgrows one PC moves the company from the data
 * directory's SQLite file into an empty PostgreSQL database, checked table by table. Afterwards
 * the data directory names PostgreSQL (database.json) and the SQLite file stays, read-only, as
 * the fallback (owner-read-only).
 */
export const dbCommands: Record<string, CommandDef> = {
  'db move-to-postgres': {
    usage: 'db move-to-postgres --database postgres://USER:PASS@HOST:PORT/DB',
    stringOptions: ['database'],
    run: async ({ dataDir, values, out }) => {
      const url = values.database
      if (typeof url !== 'string' || !isPostgresUrl(url)) {
        throw optionError('database', 'cli.required')
      }
      if (recordedPostgresUrl(dataDir)) {
        throw new AppError('VALIDATION', 'this data directory already lives in PostgreSQL')
      }
      const file = path.join(dataDir, DATABASE_FILE)
      if (!existsSync(file))
        throw new AppError('SETUP_REQUIRED', `no ${DATABASE_FILE} in ${dataDir}`)
      const started = performance.now()
      const source = openDatabase(dataDir, { url: null })
      const target = openPostgres(url)
      let report
      let audit
      try {
        report = await moveToPostgres(source, target)
        audit = await verifyAuditChain(target)
      } finally {
        await source.destroy()
        await target.destroy()
      }
      const ok = report.mismatches.length === 0 && audit.ok
      if (ok) {
        recordPostgres(dataDir, url, new Date())
        chmodSync(file, 0o400)
      }
      const seconds = Math.round((performance.now() - started) / 100) / 10
      out.result(
        {
          ok,
          tables: report.tables.length,
          rows: report.rows,
          counters: report.counters,
          searchEntries: report.searchEntries,
          auditEntries: audit.entries,
          auditOk: audit.ok,
          mismatches: report.mismatches,
          seconds,
          perTable: report.tables,
        },
        ok
          ? `Pindah ke PostgreSQL selesai dalam ${seconds} detik: ${count(report.rows)} baris di ` +
              `${count(report.tables.length)} tabel, ${count(report.counters)} penghitung dan ` +
              `${count(audit.entries)} entri audit cocok. ${DATABASE_FILE} disimpan hanya-baca ` +
              'sebagai cadangan.'
          : `Salinan TIDAK cocok; data directory tetap memakai SQLite: ${[
              ...report.mismatches,
              ...(audit.ok ? [] : ['rantai audit putus']),
            ].join('; ')}`,
      )
      return ok ? 0 : 1
    },
  },
}
