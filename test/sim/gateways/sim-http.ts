/**
 * What the gateway simulators share: an HTTP server on 127.0.0.1 that can be taken down (connection
 * refused) and brought back, told to leave the next requests unanswered (a gateway that hangs),
 * plus the small pieces every vendor API here uses — JSON answers, Basic auth, posting a callback.
 */
import { once } from 'node:events'
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export type SimHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string,
) => Promise<void> | void

export interface SimServer {
  readonly port: number
  /** http://127.0.0.1:PORT */
  readonly url: string
  /** Requests seen, answered or not. */
  readonly requests: { method: string; path: string; at: number }[]
  /** The next n requests are read and never answered (the caller's deadline decides). */
  hangNext(n: number): void
  /** Stops listening and drops open connections (connection refused); `up()` listens again. */
  down(): Promise<void>
  up(): Promise<void>
  close(): Promise<void>
}

export async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body))
}

export function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' })
  res.end(html)
}

/** The user name of a Basic `Authorization` header (the gateways put the secret key there). */
export function basicUser(req: http.IncomingMessage): string | null {
  const m = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')
  if (!m) return null
  const decoded = Buffer.from(m[1] ?? '', 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  return colon < 0 ? null : decoded.slice(0, colon)
}

export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(text) as unknown
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

export interface Delivery {
  url: string
  /** HTTP status of the answer; 0 when the callback URL could not be reached. */
  status: number
  text: string
}

/** Posts a callback the way a gateway does: raw JSON text, the vendor's headers, one attempt. */
export async function postCallback(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<Delivery> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(10_000),
    })
    return { url, status: res.status, text: await res.text() }
  } catch (error) {
    return { url, status: 0, text: String((error as Error)?.message ?? error) }
  }
}

export async function startSimServer(port: number, handler: SimHandler): Promise<SimServer> {
  const sockets = new Set<Socket>()
  const requests: SimServer['requests'] = []
  let hang = 0
  let listening = false
  let boundPort = port

  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', at: Date.now() })
    readBody(req)
      .then(async (body) => {
        if (hang > 0) {
          hang--
          return // never answered; the socket goes when the sim goes down
        }
        await handler(req, res, body)
      })
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' })
        res.end(String(error))
      })
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })

  const sim: SimServer = {
    get port() {
      return boundPort
    },
    get url() {
      return `http://127.0.0.1:${boundPort}`
    },
    requests,
    hangNext(n) {
      hang += n
    },
    async down() {
      if (!listening) return
      listening = false
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
    async up() {
      if (listening) return
      server.listen(boundPort, '127.0.0.1')
      await once(server, 'listening')
      boundPort = (server.address() as AddressInfo).port
      listening = true
    },
    async close() {
      await sim.down()
    },
  }
  await sim.up()
  return sim
}

export interface ReceivedCallback {
  body: Buffer
  headers: Record<string, string | undefined>
}

export interface CallbackReceiver {
  /** http://127.0.0.1:PORT/callback */
  readonly url: string
  readonly received: ReceivedCallback[]
  close(): Promise<void>
}

/**
 * A stand-in for the merchant's callback endpoint: keeps each POST's raw bytes and headers and
 * answers what `answer` says (the adapter's verdict, in the adapter tests).
 */
export async function startCallbackReceiver(
  answer: (c: ReceivedCallback) => { code: number; body: unknown },
): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const headers: Record<string, string | undefined> = {}
      for (const [k, v] of Object.entries(req.headers))
        headers[k] = Array.isArray(v) ? v.join(', ') : v
      const c = { body: Buffer.concat(chunks), headers }
      received.push(c)
      const reply = answer(c)
      sendJson(res, reply.code, reply.body)
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/callback`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type SimActions = Record<string, (args: Record<string, unknown>) => unknown>

/**
 * Demo controls over HTTP, for driving a simulator from curl or a browser session:
 * `POST /_sim/<action>` with a JSON body → 200 `{ok:true, result}`, or 400 `{ok:false, error}`.
 * Answers false when the request is not one of them.
 */
export async function simControl(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  path: string,
  body: string,
  actions: SimActions,
): Promise<boolean> {
  const m = /^\/_sim\/([a-z-]+)$/.exec(path)
  const action = m ? actions[m[1] ?? ''] : undefined
  if (req.method !== 'POST' || !action) return false
  try {
    const result = await action(parseJsonObject(body || '{}') ?? {})
    sendJson(res, 200, { ok: true, result: result ?? null })
  } catch (error) {
    sendJson(res, 400, { ok: false, error: (error as Error).message })
  }
  return true
}
