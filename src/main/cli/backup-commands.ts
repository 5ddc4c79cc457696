import path from 'node:path'
import { createInterface } from 'node:readline'
import { cliActor } from '../core/audit'
import {
  BACKUP_EXTENSION,
  BACKUP_FOLDER,
  createBackup,
  listBackups,
  manifestTotals,
  restoreBackup,
  verifyBackup,
  type BackupProgress,
} from '../core/backup'
import { systemClock } from '../core/clock'
import type { CommandDef } from './commands'
import { firstCompanyId, withDb } from './db'
import { argumentError, optionError } from './option-errors'
import { count } from './words'

/**
 * `backup create | list | verify` and `restore`. The passphrase comes from
 * LOKET_BACKUP_PASSPHRASE, else a prompt when a person is at the terminal; a script without it
 * gets a backup without passphrase (create) and is told what that means.
 */

const NO_PASSPHRASE =
  'TANPA frasa sandi: berkas TIDAK terenkripsi (siapa pun yang memegangnya dapat membaca data ' +
  'pelanggan) dan kunci rahasia tidak ikut, jadi setelah pemulihan kata sandi router dan kunci ' +
  'gateway pembayaran harus dimasukkan lagi. Setel LOKET_BACKUP_PASSPHRASE untuk cadangan terenkripsi.'

const NO_KEY =
  'Cadangan ini tanpa kunci rahasia: kata sandi router dan kunci gateway pembayaran harus ' +
  'dimasukkan lagi.'

const megabytes = (bytes: number) =>
  `${(bytes / 1024 / 1024).toLocaleString(process.env.LOKET_LANG === 'en' ? 'en-GB' : 'id-ID', {
    maximumFractionDigits: 1,
  })} MB`

async function passphrase(confirm: boolean): Promise<string | null> {
  const fromEnv = process.env.LOKET_BACKUP_PASSPHRASE
  if (fromEnv) return fromEnv
  if (!process.stdin.isTTY) return null
  const first = await ask('Frasa sandi cadangan (kosong: tanpa frasa sandi): ')
  if (!first) return null
  if (confirm && (await ask('Ulangi frasa sandi: ')) !== first) {
    throw optionError('passphrase', 'cli.passphrase_mismatch')
  }
  return first
}

/** One line from the terminal without echoing it. */
function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true })
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput
  process.stderr.write(question)
  ;(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {}
  return new Promise((resolve) =>
    rl.question('', (answer) => {
      ;(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = write
      rl.close()
      process.stderr.write('\n')
      resolve(answer)
    }),
  )
}

/** Progress on stderr (stdout keeps the one JSON object of --json). */
function progressLine(): (p: BackupProgress) => void {
  let last = ''
  return (p) => {
    const line =
      p.stage === 'snapshot'
        ? `Cadangan: memotret basis data ${p.total ? Math.floor((100 * p.done) / p.total) : 0}%`
        : p.stage === 'database'
          ? p.done
            ? 'Cadangan: basis data tertulis'
            : 'Cadangan: menulis basis data'
          : p.stage === 'files'
            ? `Cadangan: lampiran ${Math.floor((100 * p.done) / Math.max(1, p.total) / 10) * 10}%`
            : 'Cadangan: selesai'
    if (line !== last) process.stderr.write(`${line}\n`)
    last = line
  }
}

const fileArgument = (positionals: string[]) => {
  const file = positionals[0]
  if (!file) throw argumentError('FILE', 'cli.backup_file')
  return path.resolve(file)
}

export const backupCommands: Record<string, CommandDef> = {
  'backup create': {
    usage: 'backup create [--out FILE.loket-backup]   (frasa sandi: LOKET_BACKUP_PASSPHRASE)',
    stringOptions: ['out'],
    run: async ({ dataDir, values, out }) => {
      const target = typeof values.out === 'string' ? values.out : undefined
      if (target !== undefined && !target.endsWith(BACKUP_EXTENSION)) {
        throw optionError('out', 'cli.backup_file')
      }
      const secret = await passphrase(true)
      const result = await withDb(dataDir, async (db) =>
        createBackup({
          db,
          dataDir,
          clock: systemClock,
          passphrase: secret,
          actor: cliActor(await firstCompanyId(db)),
          out: target,
          onProgress: progressLine(),
        }),
      )
      const totals = manifestTotals(result.manifest)
      const files = result.manifest.parts.filter((p) => p.name.startsWith('files/')).length
      out.result(
        {
          ok: true,
          file: result.file,
          bytes: result.bytes,
          encrypted: result.encrypted,
          keyIncluded: result.keyIncluded,
          company: result.manifest.company,
          schemaVersion: result.manifest.schemaVersion,
          sourceEngine: result.manifest.sourceEngine,
          tables: totals.tables,
          rows: totals.rows,
          files,
          ...(result.encrypted ? {} : { warning: NO_PASSPHRASE }),
        },
        [
          `Cadangan dibuat: ${result.file} (${megabytes(result.bytes)}), ${count(totals.rows)} ` +
            `baris di ${count(totals.tables)} tabel, ${count(files)} lampiran.`,
          result.encrypted
            ? result.keyIncluded
              ? 'Terenkripsi dengan frasa sandi; kunci rahasia router dan gateway ikut.'
              : 'Terenkripsi dengan frasa sandi.'
            : NO_PASSPHRASE,
        ].join('\n'),
      )
      return 0
    },
  },
  'backup list': {
    usage: 'backup list',
    run: async ({ dataDir, out }) => {
      const { backups, removed } = await listBackups([path.join(dataDir, BACKUP_FOLDER)])
      const lines = backups.map((b) => {
        const state = b.problem
          ? `masalah: ${b.problem}`
          : b.verified
            ? b.verified.ok
              ? '✓ terverifikasi'
              : `✗ ${b.verified.problem}`
            : 'belum diverifikasi'
        return `  ${b.createdAt ?? '?'}  ${megabytes(b.bytes)}  ${b.createdBy ?? '?'}  ${
          b.company ?? '?'
        }  ${state}  ${path.basename(b.file)}`
      })
      out.result(
        { ok: true, backups, removed },
        backups.length
          ? [`${count(backups.length)} cadangan:`, ...lines].join('\n')
          : 'Belum ada cadangan.',
      )
      return 0
    },
  },
  'backup verify': {
    usage: 'backup verify FILE',
    run: async ({ positionals, out }) => {
      const file = fileArgument(positionals)
      const result = await verifyBackup(file, await passphrase(false), systemClock)
      const totals = manifestTotals(result.manifest)
      out.result(
        {
          ok: true,
          file,
          integrity: result.integrity,
          company: result.manifest.company,
          createdAt: result.manifest.createdAt,
          schemaVersion: result.manifest.schemaVersion,
          tables: totals.tables,
          rows: totals.rows,
          parts: result.manifest.parts.length,
          keyIncluded: result.manifest.keyIncluded,
        },
        `Cadangan baik: semua bagian cocok dengan manifes, pemeriksaan integritas "ok", ` +
          `${count(totals.rows)} baris di ${count(totals.tables)} tabel cocok jumlah dan nilainya.` +
          (result.manifest.keyIncluded ? '' : `\n${NO_KEY}`),
      )
      return 0
    },
  },
  restore: {
    usage: 'restore FILE --data-dir FOLDER_BARU_YANG_KOSONG',
    run: async ({ dataDir, positionals, out }) => {
      const file = fileArgument(positionals)
      const result = await restoreBackup(file, await passphrase(false), dataDir, {
        clock: systemClock,
        actor: cliActor(),
      })
      const totals = manifestTotals(result.manifest)
      const engine = result.manifest.sourceEngine === 'postgres' ? 'PostgreSQL' : 'SQLite'
      out.result(
        {
          ok: true,
          dataDir: result.dataDir,
          engine: 'sqlite',
          sourceEngine: result.manifest.sourceEngine,
          company: result.manifest.company,
          createdAt: result.manifest.createdAt,
          tables: totals.tables,
          rows: totals.rows,
          files: result.files,
          auditEntries: result.auditEntries,
          keyRestored: result.keyRestored,
        },
        [
          `Dipulihkan ke ${result.dataDir}: ${result.manifest.company}, cadangan ` +
            `${result.manifest.createdAt}; ${count(totals.rows)} baris di ${count(totals.tables)} ` +
            `tabel dan ${count(result.files)} lampiran cocok dengan manifes, rantai audit utuh ` +
            `(${count(result.auditEntries)} entri).`,
          `Basis data dipulihkan sebagai SQLite di folder itu (sumber cadangan: ${engine}).`,
          ...(result.keyRestored ? [] : [NO_KEY]),
        ].join('\n'),
      )
      return 0
    },
  },
}
