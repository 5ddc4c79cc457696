import { AppError, messageKeyOf } from '@shared/errors'
import { translateId } from '@shared/messages/translate'
import { NbiError, type NbiTarget } from './nbi-client'

const REASONS: Record<string, string> = {
  refused: 'koneksi ditolak',
  unreachable: 'alamat tidak terjangkau',
}

/** An NBI failure as the operator reads it (the UI translates the code, Indonesian first). */
export function acsAppError(error: unknown, target: Pick<NbiTarget, 'url' | 'timeoutMs'>) {
  if (error instanceof AppError) return error
  if (!(error instanceof NbiError)) return new AppError('INTERNAL', String(error))
  const url = target.url
  switch (error.kind) {
    case 'auth':
      return new AppError('ACS_AUTH', error.message, { url })
    case 'timeout':
      return new AppError('ACS_TIMEOUT', error.message, {
        url,
        seconds: Math.max(1, Math.round(target.timeoutMs / 1000)),
      })
    case 'refused':
    case 'unreachable':
      return new AppError('ACS_UNREACHABLE', error.message, {
        url,
        reason: REASONS[error.kind] ?? error.message,
        detail: error.message,
      })
    default:
      return new AppError('ACS_BAD_ANSWER', error.message, {
        url,
        status: error.status ?? 0,
        detail: error.message,
      })
  }
}

/** The same failure as one line of an action's record (the CPE card and the CLI show it). */
export function acsErrorText(error: unknown): string {
  if (error instanceof NbiError) {
    const label: Record<string, string> = {
      refused: 'ACS menolak koneksi',
      unreachable: 'ACS tidak terjangkau',
      timeout: 'ACS tidak menjawab',
      auth: 'ACS menolak login NBI',
      http: 'jawaban ACS tidak dikenali',
    }
    return `${label[error.kind] ?? error.kind}: ${error.message}`
  }
  // The sentence the operator would have seen as an error (Indonesian, as the record is kept).
  if (error instanceof AppError) return translateId(messageKeyOf(error.code), error.details)
  return error instanceof Error ? error.message : String(error)
}
