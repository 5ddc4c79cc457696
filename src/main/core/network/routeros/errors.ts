import { getSystemErrorName } from 'node:util'

export type RouterErrorKind =
  'auth' | 'refused' | 'timeout' | 'tls' | 'unreachable' | 'trap' | 'disconnected' | 'protocol'

export interface RouterErrorOptions {
  /** `!trap` category 0–7, when the router sent one. */
  category?: number
  /** The router's own text (`!trap =message=`, `!fatal`). */
  routerMessage?: string
  cause?: unknown
}

export class RouterError extends Error {
  readonly kind: RouterErrorKind
  readonly category?: number
  readonly routerMessage?: string

  constructor(kind: RouterErrorKind, message: string, options: RouterErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'RouterError'
    this.kind = kind
    if (options.category !== undefined) this.category = options.category
    if (options.routerMessage !== undefined) this.routerMessage = options.routerMessage
  }
}

export function isRouterError(value: unknown): value is RouterError {
  return value instanceof RouterError
}

export interface ErrorContext {
  host: string
  port: number
  tls: boolean
}

const UNREACHABLE = new Set([
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
])
const DROPPED = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
  'ERR_SOCKET_CLOSED',
])
// The ≥ 6.43 login traps with the first, legacy routers with the second; node-routeros turns both
// into RosException CANTLOGIN whose message is the third.
const AUTH_MESSAGE = /invalid user name or password|cannot log in|username or password is invalid/i

/**
 * The error's system code. node-routeros wraps socket errors in RosException(err.errno), and
 * errno is a negative number (-111 for ECONNREFUSED) whose message table lookup yields '' —
 * hence the name lookup here rather than trusting its message.
 */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { code, errno } = error as { code?: unknown; errno?: unknown }
  if (typeof code === 'string' && code) return code
  if (typeof errno === 'string' && errno) return errno
  if (typeof errno === 'number' && errno < 0) {
    try {
      return getSystemErrorName(errno)
    } catch {
      return undefined
    }
  }
  return undefined
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'string') return error
  return ''
}

function isTlsFailure(code: string | undefined, message: string): boolean {
  if (code && (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'EPROTO')) {
    return true
  }
  return /\b(SSL|TLS)\b|handshake|certificate/i.test(message)
}

/** Maps whatever node-routeros, net or tls threw to a RouterError with a message worth showing. */
export function toRouterError(error: unknown, ctx: ErrorContext): RouterError {
  if (error instanceof RouterError) return error
  const where = `${ctx.host}:${ctx.port}`
  const code = errorCode(error)
  const message = messageOf(error)
  const detail = message ? `: ${message}` : code ? ` (${code})` : ''
  if (code === 'ECONNREFUSED') {
    return new RouterError(
      'refused',
      `connection refused by ${where} (is the ${ctx.tls ? 'api-ssl' : 'api'} service enabled on that port?)`,
      { cause: error },
    )
  }
  if (code && UNREACHABLE.has(code)) {
    return new RouterError('unreachable', `${where} is unreachable (${code})`, { cause: error })
  }
  if (code === 'SOCKTMOUT') {
    return new RouterError('timeout', `no answer from ${where}${detail}`, { cause: error })
  }
  if (code === 'CANTLOGIN' || AUTH_MESSAGE.test(message)) {
    return new RouterError('auth', `login to ${where} rejected: invalid user name or password`, {
      cause: error,
      routerMessage: message || undefined,
    })
  }
  if (isTlsFailure(code, message)) {
    return new RouterError('tls', `TLS with ${where} failed${detail}`, { cause: error })
  }
  if (code && DROPPED.has(code)) {
    return new RouterError('disconnected', `connection to ${where} lost (${code})`, {
      cause: error,
    })
  }
  return new RouterError(
    'disconnected',
    `connection to ${where} failed${detail || ' (unknown error)'}`,
    {
      cause: error,
    },
  )
}
