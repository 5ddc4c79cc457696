/**
 * An SMTP server for tests (smtp-server) on 127.0.0.1: login optional (checked when a user is
 * configured), no TLS, records every mail it accepts, and can refuse recipients or be down.
 */
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  from: string
  to: string[]
  subject: string
  text: string
  /** The authenticated user, if the client logged in. */
  user: string | null
  at: number
}

/** reject: 550 for the recipient (no such mailbox). down: 421 service not available. */
export type SmtpFailure = 'reject' | 'down'

export interface SmtpSimOptions {
  /** 0 or undefined: a free port. */
  port?: number
  /** When set, a client that logs in must use these. */
  user?: string
  password?: string
}

export interface SmtpSim {
  readonly host: '127.0.0.1'
  readonly port: number
  readonly received: ReceivedMail[]
  /** Every login attempt, accepted or not: where a password arrived. */
  readonly logins: { user: string; password: string }[]
  failNext(n: number, kind: SmtpFailure): void
  close(): Promise<void>
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode })
}

/** RFC 2047 words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) as text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_, _charset: string, enc: string, data: string) =>
        enc.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64').toString('utf8')
          : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    )
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

/** Enough of a single-part text mail (what the e-mail channel sends) to check its words. */
export function parseMail(raw: string): { subject: string; text: string } {
  const split = raw.search(/\r?\n\r?\n/)
  const head = split < 0 ? raw : raw.slice(0, split)
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '')
  const headers = new Map<string, string>()
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':')
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim())
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body
  return {
    subject: decodeWords(headers.get('subject') ?? ''),
    text: text.replace(/\r\n/g, '\n').trimEnd(),
  }
}

export async function startSmtpSim(options: SmtpSimOptions = {}): Promise<SmtpSim> {
  const received: ReceivedMail[] = []
  const failures: SmtpFailure[] = []
  const logins: SmtpSim['logins'] = []
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push({ user: auth.username ?? '', password: auth.password ?? '' })
      if (options.user && (auth.username !== options.user || auth.password !== options.password))
        return callback(smtpError('Invalid username or password', 535))
      callback(null, { user: auth.username })
    },
    onRcptTo(_address, _session, callback) {
      const failure = failures.shift()
      if (failure === 'reject') return callback(smtpError('Mailbox unavailable', 550))
      if (failure === 'down') return callback(smtpError('Service not available, try later', 421))
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const { subject, text } = parseMail(Buffer.concat(chunks).toString('utf8'))
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject,
          text,
          user: typeof session.user === 'string' ? session.user : null,
          at: Date.now(),
        })
        callback()
      })
    },
  })
  server.listen(options.port ?? 0, '127.0.0.1')
  await new Promise<void>((resolve, reject) => {
    server.server.once('listening', () => resolve())
    server.server.once('error', reject)
  })
  const port = (server.server.address() as AddressInfo).port
  return {
    host: '127.0.0.1',
    port,
    received,
    logins,
    failNext(n, kind) {
      for (let i = 0; i < n; i++) failures.push(kind)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
