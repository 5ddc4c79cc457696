import { AppError } from '@shared/errors'
import {
  backupFolders,
  findBackupFile,
  readBackupSettings,
  redeemDownloadTicket,
} from '@core/backup'
import { createApiContext, type ApiServices, type CallerInfo } from './context'

/** Where the page's download link points (served by the host, streamed from disk). */
export const BACKUP_DOWNLOAD_PATH = '/api/backups/download'

/**
 * The backup file a GET /api/backups/download may stream: named by a one-use ticket from
 * `backups.downloadTicket`, or by `file` with the caller's session (backup.manage either way),
 * and only a file inside the backup folders. Throws the AppError the route answers with.
 */
export async function backupDownloadFile(
  services: ApiServices,
  caller: CallerInfo,
  query: { file?: unknown; ticket?: unknown },
): Promise<{ file: string; name: string }> {
  let name: string
  let companyId: number
  if (typeof query.ticket === 'string') {
    const redeemed = redeemDownloadTicket(services.db, services.clock, query.ticket)
    if (!redeemed) throw new AppError('UNAUTHENTICATED', 'download ticket unknown or used')
    ;({ file: name, companyId } = redeemed)
  } else {
    if (typeof query.file !== 'string') throw new AppError('VALIDATION', 'file is required')
    const user = await createApiContext(services, caller).session()
    if (user.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED')
    if (!user.permissions.has('backup.manage')) {
      throw new AppError('FORBIDDEN', 'missing permission backup.manage', {
        permission: 'backup.manage',
      })
    }
    name = query.file
    companyId = user.companyId
  }
  if (!services.dataDir) throw new AppError('INTERNAL', 'backups need the host data directory')
  const settings = await readBackupSettings(services.db, companyId)
  return { file: findBackupFile(backupFolders(services.dataDir, settings.copyFolder), name), name }
}
