import nodemailer from 'nodemailer'
import { SendError, type Transport } from './types'

export interface SmtpConfig {
  host: string
  port: number
  secure: boolean
  user: string
  password: string
  from: string
}

const TIMEOUT_MS = 20_000

/**
 * E-mail over the company's SMTP server, a connection per message: at a few messages a minute a
 * pool buys nothing, and its own silent requeueing would hide a server that says "try later".
 */
export function smtpTransport(config: SmtpConfig): Transport {
  const mailer = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user ? { auth: { user: config.user, pass: config.password } } : {}),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  })
  return {
    async send({ to, subject, body }) {
      try {
        const info = await mailer.sendMail({
          from: config.from,
          to,
          subject: subject ?? '',
          text: body,
        })
        if (info.rejected.length > 0 && info.accepted.length === 0)
          throw new SendError('rejected', `alamat ditolak server: ${info.response}`)
        return { providerId: info.messageId ?? null }
      } catch (error) {
        throw smtpError(error)
      }
    },
    close() {
      mailer.close()
    },
  }
}

/**
 * 5xx to a recipient (550 no such mailbox) is the address's fault; 4xx is "try later"; a failed
 * login, TLS or connection is the channel's.
 */
function smtpError(error: unknown): SendError {
  if (error instanceof SendError) return error
  const e = error as {
    code?: string
    command?: string
    responseCode?: number
    response?: string
    message?: string
  }
  const detail = e.response ?? e.message ?? String(error)
  if (e.code === 'EAUTH') return new SendError('down', `login SMTP ditolak: ${detail}`)
  const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500
  // A refused sender (MAIL FROM) is the channel's From address, not this customer's.
  if (permanent && (e.command === 'RCPT TO' || e.command === 'DATA' || e.code === 'EMESSAGE'))
    return new SendError('rejected', detail)
  return new SendError('down', e.code ? `${e.code}: ${detail}` : detail)
}
