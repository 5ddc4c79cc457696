import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { bearerToken, createApiContext, type ApiServices } from '@api/index'
import { AppError, isAppError, messageKeyOf, type ErrorCode } from '@shared/errors'
import { translateId } from '@shared/messages/translate'
import {
  backupFolders,
  findBackupFile,
  readBackupSettings,
  redeemDownloadTicket,
} from '@core/backup'

export const BACKUP_DOWNLOAD_PATH = '/api/backups/download'

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  AUTH_USER_INACTIVE: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  BACKUP_NOT_FOUND: 404,
  VALIDATION: 400,
}

/**
 * GET /api/backups/download: one backup file, streamed from disk as an attachment. Either
 * `?ticket=` (from `backups.downloadTicket`, for the page's link) or `?file=NAME` with the session's
 * `Authorization: Bearer` header; backup.manage either way, and only a file in the backup folders.
 */
export function serveBackupDownloads(app: FastifyInstance, services: () => ApiServices): void {
  app.get(BACKUP_DOWNLOAD_PATH, async (req, reply) => {
    const s = services()
    const query = req.query as { file?: unknown; ticket?: unknown }
    try {
      let name: string
      let companyId: number
      if (typeof query.ticket === 'string') {
        const redeemed = redeemDownloadTicket(s.db, s.clock, query.ticket)
        if (!redeemed) throw new AppError('UNAUTHENTICATED', 'download ticket unknown or used')
        ;({ file: name, companyId } = redeemed)
      } else {
        if (typeof query.file !== 'string') throw new AppError('VALIDATION', 'file is required')
        const ctx = createApiContext(s, {
          token: bearerToken(req.headers.authorization),
          ip: req.ip,
          userAgent: String(req.headers['user-agent'] ?? ''),
        })
        const user = await ctx.session()
        if (user.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED')
        if (!user.permissions.has('backup.manage')) {
          throw new AppError('FORBIDDEN', 'missing permission backup.manage', {
            permission: 'backup.manage',
          })
        }
        name = query.file
        companyId = user.companyId
      }
      if (!s.dataDir) throw new AppError('INTERNAL', 'backups need the host data directory')
      const settings = await readBackupSettings(s.db, companyId)
      const file = findBackupFile(backupFolders(s.dataDir, settings.copyFolder), name)
      const { size } = await stat(file)
      return reply
        .type('application/octet-stream')
        .header('Content-Length', size)
        .header('Content-Disposition', `attachment; filename="${encodeURIComponent(name)}"`)
        .header('Cache-Control', 'no-store')
        .send(createReadStream(file))
    } catch (error) {
      return refuse(reply, error)
    }
  })
}

function refuse(reply: FastifyReply, error: unknown) {
  const code: ErrorCode = isAppError(error) ? error.code : 'INTERNAL'
  if (!isAppError(error)) console.error('[backup download]', error)
  return reply
    .code(STATUS[code] ?? 500)
    .header('Cache-Control', 'no-store')
    .send({ ok: false, error: code, message: translateId(messageKeyOf(code)) })
}
