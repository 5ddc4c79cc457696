import path from 'node:path'
import { AppError } from '@shared/errors'
import {
  backupCreateInput,
  backupFileInput,
  backupOpenInput,
  backupPassphraseInput,
  backupRestoreInput,
  backupSettingsInput,
} from '@shared/schemas'
import {
  backupFolders,
  backupRunOf,
  checkLiveRestore,
  createSafetyBackup,
  issueDownloadTicket,
  backupSettingsView,
  findBackupFile,
  listBackups,
  readBackupHeader,
  readBackupSettings,
  restoreBackup,
  saveBackupSettings,
  setBackupPassphrase,
  startBackupRun,
  storedPassphrase,
  verifyBackup,
} from '@core/backup'
import { BACKUP_DOWNLOAD_PATH as DOWNLOAD_PATH } from '../backup-download'
import type { ApiServices } from '../context'
import { procedure, publicProcedure, router } from '../trpc'

function dataDirOf(services: ApiServices): string {
  if (!services.dataDir) throw new AppError('INTERNAL', 'backups need the host data directory')
  return services.dataDir
}

async function foldersOf(services: ApiServices, companyId: number) {
  const settings = await readBackupSettings(services.db, companyId)
  return { settings, folders: backupFolders(dataDirOf(services), settings.copyFolder) }
}

/** The typed passphrase, else the stored one; null when neither is there. */
function passphraseFor(
  services: ApiServices,
  typed: string | undefined,
  settings: Awaited<ReturnType<typeof readBackupSettings>>,
) {
  return typed ?? storedPassphrase(services.secrets, settings)
}

/** Backup & Restore: thin over core/backup. Files are named, never given as paths. */
export const backupsRouter = router({
  list: procedure('backup.manage').query(async ({ ctx }) => {
    const { folders } = await foldersOf(ctx.services, ctx.user.companyId)
    const { backups } = await listBackups(folders.slice(0, 1))
    // An unplugged or unreadable second folder hides its copies, never the page.
    if (folders[1]) {
      const copies = await listBackups([folders[1]]).catch(() => ({ backups: [] }))
      backups.push(...copies.backups)
    }
    backups.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
    return backups.map((b) => ({
      ...b,
      file: path.basename(b.file),
      location: path.dirname(b.file) === folders[0] ? ('data' as const) : ('copy' as const),
    }))
  }),
  settings: procedure('backup.manage').query(async ({ ctx }) =>
    backupSettingsView(await readBackupSettings(ctx.services.db, ctx.user.companyId)),
  ),
  saveSettings: procedure('backup.manage')
    .input(backupSettingsInput)
    .mutation(({ ctx, input }) => saveBackupSettings(ctx.services, ctx.actor, input)),
  setPassphrase: procedure('backup.manage')
    .input(backupPassphraseInput)
    .mutation(({ ctx, input }) => setBackupPassphrase(ctx.services, ctx.actor, input.passphrase)),
  /** Starts the backup in the host and answers at once; `progress` tells how far it is. */
  create: procedure('backup.manage')
    .input(backupCreateInput)
    .mutation(async ({ ctx, input }) => {
      const { settings } = await foldersOf(ctx.services, ctx.user.companyId)
      return startBackupRun(
        { db: ctx.services.db, clock: ctx.services.clock, dataDir: dataDirOf(ctx.services) },
        { actor: ctx.actor, passphrase: passphraseFor(ctx.services, input.passphrase, settings) },
      )
    }),
  progress: procedure('backup.manage').query(({ ctx }) => backupRunOf(ctx.services.db)),
  verify: procedure('backup.manage')
    .input(backupOpenInput)
    .mutation(async ({ ctx, input }) => {
      const { settings, folders } = await foldersOf(ctx.services, ctx.user.companyId)
      const file = findBackupFile(folders, input.file)
      const passphrase = passphraseFor(ctx.services, input.passphrase, settings)
      const result = await verifyBackup(file, passphrase, ctx.services.clock)
      return { file: input.file, ok: true, integrity: result.integrity, bytes: result.bytes }
    }),
  /**
   * A one-use, one-minute link for the page's Download button: a link cannot carry the session
   * header, so it carries this ticket (GET /api/backups/download, streamed from disk).
   */
  downloadTicket: procedure('backup.manage')
    .input(backupFileInput)
    .mutation(async ({ ctx, input }) => {
      const { folders } = await foldersOf(ctx.services, ctx.user.companyId)
      findBackupFile(folders, input.file)
      const { ticket, expiresAt } = issueDownloadTicket(
        ctx.services.db,
        ctx.services.clock,
        input.file,
        ctx.user.companyId,
      )
      const at = ctx.services.listener
      const shown = at && (at.host === '0.0.0.0' || at.host === '::') ? '127.0.0.1' : at?.host
      return {
        url: `${DOWNLOAD_PATH}?ticket=${ticket}`,
        expiresAt,
        hostUrl: at ? `http://${shown}:${at.port}/` : null,
      }
    }),
  /** What a restore would bring back: the header, then the manifest once the file opens. */
  restorePreview: procedure('backup.manage')
    .input(backupOpenInput)
    .mutation(async ({ ctx, input }) => {
      const { settings, folders } = await foldersOf(ctx.services, ctx.user.companyId)
      const file = findBackupFile(folders, input.file)
      const { header } = await readBackupHeader(file)
      const passphrase = passphraseFor(ctx.services, input.passphrase, settings)
      const checked = await verifyBackup(
        file,
        header.encrypted ? passphrase : null,
        ctx.services.clock,
      )
      const rowsOf = (table: string) =>
        checked.manifest.tables.find((t) => t.table === table)?.rows ?? 0
      return {
        file: input.file,
        company: header.company,
        createdAt: header.createdAt,
        createdBy: header.createdBy,
        schemaVersion: header.schemaVersion,
        encrypted: header.encrypted,
        keyIncluded: header.keyIncluded,
        counts: {
          customers: rowsOf('customers'),
          invoices: rowsOf('invoices'),
          payments: rowsOf('payments'),
          users: rowsOf('users'),
        },
      }
    }),
  /** Into a new, empty data directory only: restoring over the live one is done from the CLI. */
  restore: procedure('backup.manage')
    .input(backupRestoreInput)
    .mutation(async ({ ctx, input }) => {
      const { settings, folders } = await foldersOf(ctx.services, ctx.user.companyId)
      const file = findBackupFile(folders, input.file)
      const target = path.resolve(input.dataDir)
      const live = path.resolve(dataDirOf(ctx.services))
      if (!path.isAbsolute(input.dataDir)) {
        throw new AppError('BACKUP_FOLDER_INVALID', input.dataDir, { field: 'dataDir' })
      }
      // The live data directory (or a folder inside it) is never a restore target here.
      if (target === live || target.startsWith(live + path.sep)) {
        throw new AppError('RESTORE_TARGET_NOT_EMPTY', target, { dataDir: target })
      }
      const { header } = await readBackupHeader(file)
      const passphrase = passphraseFor(ctx.services, input.passphrase, settings)
      const result = await restoreBackup(file, header.encrypted ? passphrase : null, target, {
        clock: ctx.services.clock,
        actor: ctx.actor,
      })
      return {
        dataDir: result.dataDir,
        keyRestored: result.keyRestored,
        files: result.files,
        auditEntries: result.auditEntries,
      }
    }),
  /**
   * Restore OVER the live data: checks the backup (passphrase, schema, integrity), makes a safety
   * backup of the live data into the backups folder, then has the host restart with the restore
   * (everyone signs in again). Refused on PostgreSQL: a restore writes a SQLite database.
   */
  restoreLive: procedure('backup.manage')
    .input(backupOpenInput)
    .mutation(async ({ ctx, input }) => {
      const services = ctx.services
      const runner = services.liveRestore
      const deps = { db: services.db, clock: services.clock, dataDir: dataDirOf(services) }
      const { settings, folders } = await foldersOf(services, ctx.user.companyId)
      const file = findBackupFile(folders, input.file)
      const passphrase = passphraseFor(services, input.passphrase, settings)
      await checkLiveRestore(deps, file, passphrase)
      if (!runner) throw new AppError('RESTORE_LIVE_UNAVAILABLE', 'no host runner')
      if (runner.state()?.status === 'running') throw new AppError('BACKUP_BUSY', 'restoring')
      // From here the host takes no more requests: what the safety backup holds is all there is.
      services.restoring = true
      let safety
      try {
        safety = await createSafetyBackup(
          deps,
          ctx.actor,
          storedPassphrase(services.secrets, settings),
        )
      } catch (error) {
        services.restoring = false
        throw error
      }
      const state = runner.begin({
        file,
        passphrase,
        actor: ctx.actor,
        safetyBackup: path.basename(safety.file),
      })
      return { id: state.id, safetyBackup: path.basename(safety.file) }
    }),
  /** How the last restore over the live data went; answered even while the host restores. */
  restoreLiveStatus: publicProcedure.query(({ ctx }) => {
    const state = ctx.services.liveRestore?.state() ?? null
    return {
      restoring: ctx.services.restoring === true,
      last: state && {
        id: state.id,
        status: state.status,
        problem: state.problem,
        safetyBackup: state.safetyBackup,
      },
    }
  }),
})
