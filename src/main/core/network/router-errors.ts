import { AppError } from '@shared/errors'
import { RouterError } from './routeros'

/** A RouterOS failure as the operator reads it (the UI translates the code, Indonesian first). */
export function routerAppError(error: unknown, target: { host: string; port: number }): AppError {
  if (error instanceof AppError) return error
  if (!(error instanceof RouterError)) return new AppError('INTERNAL', String(error))
  const where = { host: target.host, port: target.port }
  switch (error.kind) {
    case 'auth':
      return new AppError('ROUTER_AUTH', error.message, where)
    case 'refused':
      return new AppError('ROUTER_REFUSED', error.message, where)
    case 'timeout':
      return new AppError('ROUTER_TIMEOUT', error.message, where)
    case 'unreachable':
      return new AppError('ROUTER_UNREACHABLE', error.message, where)
    case 'tls':
      return new AppError('ROUTER_TLS', error.message, where)
    case 'trap':
      return new AppError('ROUTER_TRAP', error.message, {
        ...where,
        message: error.routerMessage ?? error.message,
      })
    default:
      return new AppError('ROUTER_DISCONNECTED', error.message, where)
  }
}

/** A job's error line, in the words the queue page shows (and the CLI prints). */
export function routerErrorText(error: unknown): string {
  if (error instanceof RouterError) {
    const label: Record<string, string> = {
      auth: 'login ditolak (user/password API salah)',
      refused: 'koneksi ditolak',
      timeout: 'router tidak menjawab',
      unreachable: 'router tidak terjangkau',
      tls: 'TLS tidak cocok',
      trap: 'router menolak perintah',
      disconnected: 'koneksi terputus',
      protocol: 'jawaban router tidak dikenali',
    }
    const detail = error.routerMessage ?? error.message
    return `${label[error.kind] ?? error.kind}${detail ? `: ${detail}` : ''}`
  }
  if (error instanceof AppError) return `${error.code}: ${error.message}`
  return error instanceof Error ? error.message : String(error)
}

/** A refusal the router will repeat until someone changes something: no point retrying it. */
export function isPermanentRouterError(error: unknown): boolean {
  return (
    (error instanceof RouterError && (error.kind === 'trap' || error.kind === 'auth')) ||
    (error instanceof AppError && error.code !== 'ROUTER_DISCONNECTED')
  )
}
