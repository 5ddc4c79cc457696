import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { BACKUP_DOWNLOAD_PATH, backupDownloadFile, bearerToken, type ApiServices } from '@api/index'
import { isAppError, messageKeyOf, type ErrorCode } from '@shared/errors'
import { translateId } from '@shared/messages/translate'

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
 * GET /api/backups/download: one backup file, streamed from disk as an attachment (a backup may
 * be far larger than any JSON answer). Who may have which file: api/backup-download.ts.
 */
export function serveBackupDownloads(app: FastifyInstance, services: () => ApiServices): void {
  app.get(BACKUP_DOWNLOAD_PATH, async (req, reply) => {
    try {
      const { file, name } = await backupDownloadFile(
        services(),
        {
          token: bearerToken(req.headers.authorization),
          ip: req.ip,
          userAgent: String(req.headers['user-agent'] ?? ''),
        },
        req.query as { file?: unknown; ticket?: unknown },
      )
      const { size } = await stat(file)
      return (
        reply
          .type('application/octet-stream')
          .header('Content-Length', size)
          .header('Content-Disposition', `attachment; filename="${encodeURIComponent(name)}"`)
          .header('Cache-Control', 'no-store')
          // One download per connection: a long stream never holds a keep-alive socket open
          // behind a host that is closing.
          .header('Connection', 'close')
          .send(createReadStream(file))
      )
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
