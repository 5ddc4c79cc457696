/**
 * The HTTP plumbing the Midtrans and Xendit adapters share: Basic auth with the secret key as the
 * user name and an empty password (both gateways authenticate this way), a deadline on every
 * request, and a network failure turned into a `GatewayCallError` that says which host did not
 * answer and how.
 */
import { GatewayCallError, type GatewayConfig, type GatewayName } from './adapter'

/** How long a gateway may take before the call counts as failed (the portal is waiting on it). */
export const GATEWAY_TIMEOUT_MS = 20_000

export interface VendorReply {
  status: number
  text: string
  /** The body parsed as JSON, or null when it is not JSON. */
  json: unknown
}

export function basicAuth(secret: string): string {
  return `Basic ${Buffer.from(`${secret}:`).toString('base64')}`
}

/** The key the adapter cannot work without; missing means the settings are incomplete. */
export function requireKey(
  gateway: GatewayName,
  keys: Record<string, string>,
  name: string,
): string {
  const value = keys[name]?.trim()
  if (!value) throw new GatewayCallError(gateway, `${name} belum diisi di pengaturan ${gateway}`)
  return value
}

export async function vendorRequest(
  gateway: GatewayName,
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
  timeoutMs: number,
): Promise<VendorReply> {
  let text: string
  let status: number
  try {
    const res = await fetch(url, {
      ...init,
      headers: { Accept: 'application/json', ...init.headers },
      signal: AbortSignal.timeout(timeoutMs),
    })
    status = res.status
    text = await res.text()
  } catch (error) {
    throw new GatewayCallError(gateway, unreachable(error, url, timeoutMs))
  }
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    // A proxy's HTML error page, say: the caller reports the status and the text.
  }
  return { status, text, json }
}

function unreachable(error: unknown, url: string, timeoutMs: number): string {
  const e = error as {
    name?: string
    message?: string
    cause?: { code?: string; message?: string }
  }
  const host = new URL(url).host
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return `${host} tidak menjawab dalam ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} detik` : `${timeoutMs} ms`}`
  const code = e?.cause?.code
  if (code === 'ECONNREFUSED') return `${host} menolak koneksi (ECONNREFUSED)`
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${host} tidak ditemukan (${code})`
  return `${host} tidak dapat dihubungi: ${e?.cause?.message ?? e?.message ?? String(error)}`
}

/** A non-JSON or unexpected answer, described for the log and the operator. */
export function unexpectedReply(gateway: GatewayName, reply: VendorReply): GatewayCallError {
  const body = reply.text.trim().slice(0, 300)
  return new GatewayCallError(
    gateway,
    `jawaban tidak dikenal (HTTP ${reply.status})${body ? `: ${body}` : ''}`,
    reply.status,
  )
}

/** Seconds from now until `expiresAt`, at least one minute (both gateways refuse a zero expiry). */
export function secondsUntil(expiresAt: Date, now: Date): number {
  return Math.max(60, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000))
}

export interface AdapterOptions {
  /** The wall clock for expiry durations (the gateways count in real time). */
  now?: () => Date
  timeoutMs?: number
}

/** Authenticated JSON requests to one gateway with the key named `keyName`. */
export interface VendorClient {
  now: () => Date
  get(cfg: GatewayConfig, url: string): Promise<VendorReply>
  post(
    cfg: GatewayConfig,
    url: string,
    body: unknown,
    extraHeaders?: Record<string, string>,
  ): Promise<VendorReply>
}

export function vendorClient(
  gateway: GatewayName,
  keyName: string,
  o: AdapterOptions,
): VendorClient {
  const timeoutMs = o.timeoutMs ?? GATEWAY_TIMEOUT_MS
  const auth = (cfg: GatewayConfig) => basicAuth(requireKey(gateway, cfg.keys, keyName))
  return {
    now: o.now ?? (() => new Date()),
    get: (cfg, url) =>
      vendorRequest(
        gateway,
        url,
        { method: 'GET', headers: { Authorization: auth(cfg) } },
        timeoutMs,
      ),
    post: (cfg, url, body, extraHeaders = {}) =>
      vendorRequest(
        gateway,
        url,
        {
          method: 'POST',
          headers: {
            Authorization: auth(cfg),
            'Content-Type': 'application/json',
            ...extraHeaders,
          },
          body: JSON.stringify(body),
        },
        timeoutMs,
      ),
  }
}

export function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
}
