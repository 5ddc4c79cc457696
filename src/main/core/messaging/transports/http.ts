import { SendError } from './types'

/** How long a gateway may take to answer one message before it counts as down. */
export const HTTP_TIMEOUT_MS = 20_000

export interface HttpReply {
  status: number
  text: string
  json: unknown
}

/**
 * One request with a deadline. A network failure or timeout is `down`; the caller reads the
 * status and body (gateways answer HTTP 200 with `status:false`, so the status alone says little).
 */
export async function httpSend(
  url: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
  timeoutMs = HTTP_TIMEOUT_MS,
): Promise<HttpReply> {
  let res: Response
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })
  } catch (error) {
    throw new SendError('down', networkText(error, url, timeoutMs))
  }
  let text: string
  try {
    text = await res.text()
  } catch (error) {
    throw new SendError('down', networkText(error, url, timeoutMs))
  }
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    // Not JSON: the generic template's gateways often answer plain text.
  }
  return { status: res.status, text, json }
}

function networkText(error: unknown, url: string, timeoutMs: number): string {
  const e = error as {
    name?: string
    message?: string
    cause?: { code?: string; message?: string }
  }
  const host = safeHost(url)
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return `${host} tidak menjawab dalam ${Math.round(timeoutMs / 1000)} detik`
  const code = e?.cause?.code
  if (code === 'ECONNREFUSED') return `${host} menolak koneksi (ECONNREFUSED)`
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${host} tidak ditemukan (${code})`
  return `${host}: ${e?.cause?.message ?? e?.message ?? String(error)}`
}

function safeHost(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return 'gateway'
  }
}

/**
 * A gateway's refusal in its own words, sorted into "this message" and "this channel". Only a
 * refusal that names the number (or the message) is permanent: a wrong token, a disconnected
 * device or an empty quota would otherwise fail the whole queue for good, when the admin only
 * has to fix the channel.
 */
export function classifyRefusal(reason: string): SendError {
  const number =
    /target|number|nomor|phone|recipient|not registered|tidak terdaftar|invalid message|message (is )?(empty|required)/i
  const channel =
    /token|unauthori[sz]ed|forbidden|unknown user|device|disconnect|connect|quota|kuota|expired|package|limit|session|scan/i
  if (number.test(reason) && !channel.test(reason)) return new SendError('rejected', reason)
  return new SendError('down', reason)
}

/** Non-2xx answers: 5xx, throttling and credentials are the channel's trouble; other 4xx the message's. */
export function httpStatusError(status: number, body: string): SendError {
  const detail = `HTTP ${status}${body ? `: ${body.slice(0, 300)}` : ''}`
  if (status >= 500 || [401, 403, 404, 408, 429].includes(status))
    return new SendError('down', detail)
  return new SendError('rejected', detail)
}

export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString()
}
