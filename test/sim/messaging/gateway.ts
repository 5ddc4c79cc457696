/**
 * A WhatsApp gateway simulator for tests, benches and local development: speaks Fonnte
 * (`POST /send`), Wablas (`POST /api/send-message`) and a generic URL-template endpoint
 * (`GET|POST /url-send?phone=…&text=…&key=…`), on 127.0.0.1 only. It checks each provider's
 * token, records every message it accepts, and can be told to fail like the real services do.
 */
import type http from 'node:http'
import { startSimServer } from '../gateways/sim-http'

export type GatewayProvider = 'fonnte' | 'wablas' | 'url'

export interface ReceivedMessage {
  provider: GatewayProvider
  target: string
  message: string
  /** The provider's id the sim answered with. */
  id: string
  at: number
}

/**
 * down: HTTP 503 (gateway in trouble). reject: the provider's refusal of the number.
 * disconnected: HTTP 200 with the provider saying its WhatsApp device is disconnected.
 */
export type GatewayFailure = 'down' | 'reject' | 'disconnected'

export interface MessageSimOptions {
  /** 0 or undefined: a free port. */
  port?: number
  tokens?: Partial<Record<GatewayProvider, string>>
  latencyMs?: number
}

export interface MessageSim {
  readonly host: '127.0.0.1'
  readonly port: number
  /** http://127.0.0.1:PORT — the base URL of Fonnte and Wablas. */
  readonly url: string
  readonly tokens: Record<GatewayProvider, string>
  readonly received: ReceivedMessage[]
  /** Requests answered, accepted or not (a burst shows here even when refused). */
  readonly requests: { provider: GatewayProvider; at: number; status: number }[]
  latencyMs: number
  /** The next n sends fail this way. */
  failNext(n: number, kind: GatewayFailure): void
  /** Stops listening and drops open connections (connection refused); `up()` listens again. */
  down(): Promise<void>
  up(): Promise<void>
  close(): Promise<void>
}

export const DEFAULT_TOKENS: Record<GatewayProvider, string> = {
  fonnte: 'fonnte-token-sim',
  wablas: 'wablas-token-sim',
  url: 'url-key-sim',
}

function parseBody(contentType: string | undefined, text: string): Record<string, string> {
  if (!text) return {}
  if (contentType?.includes('application/json')) {
    try {
      const json = JSON.parse(text) as Record<string, unknown>
      return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, String(v)]))
    } catch {
      return {}
    }
  }
  return Object.fromEntries(new URLSearchParams(text))
}

export async function startMessageSim(options: MessageSimOptions = {}): Promise<MessageSim> {
  const tokens = { ...DEFAULT_TOKENS, ...options.tokens }
  const received: ReceivedMessage[] = []
  const requests: MessageSim['requests'] = []
  const failures: GatewayFailure[] = []
  let nextId = 1000

  const reply = (
    res: http.ServerResponse,
    provider: GatewayProvider,
    status: number,
    body: unknown,
  ) => {
    requests.push({ provider, at: Date.now(), status })
    res.writeHead(status, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(body))
  }

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const fields = {
      ...Object.fromEntries(url.searchParams),
      ...parseBody(req.headers['content-type'], body),
    }
    if (sim.latencyMs > 0) await new Promise((r) => setTimeout(r, sim.latencyMs))
    const auth = req.headers.authorization ?? ''
    let provider: GatewayProvider
    if (req.method === 'POST' && url.pathname === '/send') provider = 'fonnte'
    else if (req.method === 'POST' && url.pathname === '/api/send-message') provider = 'wablas'
    else if (url.pathname === '/url-send') provider = 'url'
    else {
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('not found')
      return
    }
    const target =
      provider === 'fonnte' ? fields.target : provider === 'wablas' ? fields.phone : fields.phone
    const message = provider === 'url' ? (fields.text ?? fields.message) : fields.message
    const tokenOk =
      provider === 'url' ? (fields.key ?? auth) === tokens.url : auth === tokens[provider] // both take the bare token, no "Bearer"

    if (!tokenOk) {
      if (provider === 'fonnte')
        return reply(res, provider, 200, { status: false, reason: 'invalid token' })
      if (provider === 'wablas')
        return reply(res, provider, 401, { status: false, message: 'token invalid' })
      return reply(res, provider, 401, { ok: false, error: 'invalid key' })
    }
    const failure = failures.shift()
    if (failure === 'down')
      return reply(res, provider, 503, { status: false, reason: 'service unavailable' })
    if (failure === 'disconnected') {
      if (provider === 'fonnte')
        return reply(res, provider, 200, {
          status: false,
          reason: 'request invalid on disconnected device',
        })
      if (provider === 'wablas')
        return reply(res, provider, 200, {
          status: false,
          message: 'device disconnected, please scan qr',
        })
      return reply(res, provider, 200, { ok: false, error: 'device disconnected' })
    }
    if (failure === 'reject' || !target || !/^62\d{7,13}$/.test(target)) {
      if (provider === 'fonnte')
        return reply(res, provider, 200, { status: false, reason: 'invalid target' })
      if (provider === 'wablas')
        return reply(res, provider, 400, { status: false, message: 'phone number invalid' })
      return reply(res, provider, 400, { ok: false, error: 'invalid phone number' })
    }
    if (!message) {
      if (provider === 'fonnte')
        return reply(res, provider, 200, { status: false, reason: 'message required' })
      return reply(res, provider, 400, { status: false, message: 'message is required' })
    }
    const id = String(nextId++)
    received.push({ provider, target, message, id, at: Date.now() })
    if (provider === 'fonnte')
      return reply(res, provider, 200, {
        status: true,
        id: [id],
        process: 'pending',
        requestid: Number(id),
        target: [target],
        detail: 'success! message in queue',
      })
    if (provider === 'wablas')
      return reply(res, provider, 200, {
        status: true,
        message: 'Message is pending and waiting to be processed',
        data: {
          device_id: 'SIM',
          quota: 1000,
          messages: [{ id, phone: target, message, status: 'pending' }],
        },
      })
    return reply(res, provider, 200, { ok: true, id })
  }

  // Listening, going down (connection refused) and up again: the gateway simulators' server.
  const server = await startSimServer(options.port ?? 0, handle)
  const sim: MessageSim = {
    host: '127.0.0.1',
    get port() {
      return server.port
    },
    get url() {
      return server.url
    },
    tokens,
    received,
    requests,
    latencyMs: options.latencyMs ?? 0,
    failNext(n, kind) {
      for (let i = 0; i < n; i++) failures.push(kind)
    },
    down: () => server.down(),
    up: () => server.up(),
    close: () => server.close(),
  }
  return sim
}
