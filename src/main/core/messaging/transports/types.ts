/** One message as a transport sends it: a normalised 62… number or an e-mail address. */
export interface OutgoingText {
  to: string
  subject: string | null
  body: string
}

export interface Transport {
  /** The gateway's id of the message when it gives one. */
  send(message: OutgoingText): Promise<{ providerId: string | null }>
  /** Releases a pooled connection (SMTP); HTTP transports hold nothing. */
  close?(): void
}

/**
 * `rejected`: the gateway refused this message for good (unknown number, bad address) — retrying
 * changes nothing. `down`: the channel cannot send now (network, timeout, 5xx, token refused,
 * device disconnected, not linked) — the message waits and is retried with backoff.
 */
export type SendFailureKind = 'rejected' | 'down'

export class SendError extends Error {
  readonly kind: SendFailureKind
  /** Set when the failure has its own translated sentence (CHANNEL_NOT_LINKED). */
  readonly code: 'CHANNEL_NOT_LINKED' | null

  constructor(kind: SendFailureKind, detail: string, code: 'CHANNEL_NOT_LINKED' | null = null) {
    super(detail)
    this.name = 'SendError'
    this.kind = kind
    this.code = code
  }
}

export function isSendError(error: unknown): error is SendError {
  return error instanceof SendError
}

/** Whatever a transport threw, as a send failure: unknown errors are transient. */
export function asSendError(error: unknown): SendError {
  if (error instanceof SendError) return error
  return new SendError('down', error instanceof Error ? error.message : String(error))
}
