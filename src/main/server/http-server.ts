import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify'
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import { TRPCError } from '@trpc/server'
import {
  appRouter,
  bearerToken,
  createApiContext,
  type ApiServices,
  type AppRouter,
} from '@api/index'
import { answerGatewayCallback, isGatewayName } from '@api/gateway-callback'
import { AppError, messageKeyOf } from '@shared/errors'
import { translateId } from '@shared/messages/translate'
import { serveBackupDownloads } from './backup-download'
import { ownHostNames, type OwnHostNamesOptions } from './own-host-names'
import { isSelfPayPath, isSelfPayPost, serveSelfPay } from './self-pay/routes'
import { serveUpdates } from './update-files'

export interface HttpServerOptions {
  services: ApiServices
  /** The built renderer (index.html + assets); when absent only the API is served. */
  webRoot?: string
  logger?: boolean
  /** Names (besides its own) under which the host accepts changes: see own-host-names.ts. */
  hostNames?: OwnHostNamesOptions
  /** The update feed folder (<data dir>/updates), served read-only at /updates/ when given. */
  updatesDir?: string
}

/** The one call a restoring host still answers: the page polls it across the restart. */
const RESTORE_STATUS_PATH = '/api/trpc/backups.restoreLiveStatus'

/** Reading is open to any Host (the UI, health, the isolir page); changing something is not. */
const isSafeMethod = (method: string) => method === 'GET' || method === 'HEAD'

/**
 * Content-Security-Policy for pages served to LAN browsers. Mantine writes CSS variables into a
 * <style> tag at runtime, hence 'unsafe-inline' for styles only; scripts come from 'self' alone.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ')

export async function buildHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Imports upload spreadsheets (≤ 20 MB) as base64 inside the call.
    bodyLimit: 32 * 1024 * 1024,
    trustProxy: false,
    // A batched tRPC call names every procedure in the path (`/api/trpc/a.b,c.d,…?batch=1`); a
    // busy page batches ten or more, far past Fastify's default of 100 characters (414).
    routerOptions: { maxParamLength: 8192 },
  })

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff')
    reply.header('Referrer-Policy', 'no-referrer')
    reply.header('X-Frame-Options', 'DENY')
    reply.header('Content-Security-Policy', CSP)
    return payload
  })

  // A restore over the live data: nothing reaches the database until the host has restarted,
  // but the page may still ask how the restore goes.
  app.addHook('onRequest', async (req, reply) => {
    if (!options.services.restoring || !req.url.startsWith('/api/')) return
    if (req.url.startsWith(RESTORE_STATUS_PATH)) return
    return reply
      .code(503)
      .header('Retry-After', '2')
      .header('Connection', 'close')
      .send({
        ok: false,
        error: 'HOST_RESTORING',
        message: translateId(messageKeyOf('HOST_RESTORING')),
      })
  })

  app.get('/api/health', async () => ({ ok: true, version: options.services.version }))
  serveBackupDownloads(app, () => options.services)

  // DNS rebinding: a foreign page re-points its own name at this host and posts to it. Such a
  // request carries the foreign name in Host; only the host's own names may change anything.
  // tRPC calls are refused in createContext below, so each call gets its usual error shape.
  const ownNames = ownHostNames(options.hostNames)
  const foreignHost = (req: { method: string; headers: { host?: string } }) =>
    !isSafeMethod(req.method) && !ownNames.allows(req.headers.host)
  // The isolated customer's pay forms are the one exception: the browser posts them under the
  // name of whatever site it had asked for, and each carries a token the page signed.
  app.addHook('onRequest', async (req, reply) => {
    // A gateway's callback comes from the gateway under the public name the office gave it; it
    // carries no session to abuse and is believed only when its signature checks out.
    if (req.url.startsWith(PAY_CALLBACK_PREFIX)) return
    if (
      foreignHost(req) &&
      !req.url.startsWith('/api/trpc/') &&
      !isSelfPayPost(req.method, req.url)
    ) {
      return reply.code(403).send({ ok: false, error: 'host_not_allowed' })
    }
  })

  await app.register(gatewayCallbacks(options))

  // Where the router's NAT sends an isolated customer's web traffic (the isolir setup script):
  // the customer's arrears and pay form when their address is known, and the pay links.
  const landing = await serveSelfPay(app, () => options.services)
  // The NAT keeps the customer's own URL (http://any-site/any/path): a GET naming another site
  // in its Host header than this host's address and port is an isolated browser, so it gets the
  // landing page whatever the path. Office PCs always reach the host at address:port.
  app.addHook('onRequest', async (req, reply) => {
    // The method first: asking the socket for its address costs more than the rest of the hook.
    if (req.method !== 'GET') return
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    if (port === 80 || port === 0) return
    const hostHeader = req.headers.host ?? ''
    if (hostHeader.endsWith(`:${port}`) || isSelfPayPath(req.url)) return
    return landing(req, reply)
  })

  await app.register(fastifyTRPCPlugin, {
    prefix: '/api/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }) => {
        if (foreignHost(req)) {
          throw new TRPCError({
            code: 'FORBIDDEN',
            cause: new AppError('HOST_NOT_ALLOWED', 'foreign Host header', {
              host: ownNames.nameOf(req.headers.host),
            }),
          })
        }
        return createApiContext(options.services, {
          token: bearerToken(req.headers.authorization),
          ip: req.ip,
          userAgent: String(req.headers['user-agent'] ?? ''),
        })
      },
      onError: ({ error, path: procedurePath }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          console.error(`[api] ${procedurePath ?? '?'}:`, error.cause ?? error)
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  })

  if (options.updatesDir) await serveUpdates(app, options.updatesDir)

  const webRoot = options.webRoot
  if (webRoot && existsSync(path.join(webRoot, 'index.html'))) {
    // Files are looked up per request, so a rebuilt UI is served without restarting the host.
    await app.register(fastifyStatic, { root: webRoot, index: false, wildcard: true })
    app.get('/', (_req, reply) => sendAppShell(reply, webRoot))
    app.setNotFoundHandler((req, reply) => {
      // Client-side routes (/users, /audit…) get the app shell; a missing file or API path is a 404.
      const pathname = req.url.split('?')[0] ?? ''
      if (
        req.method === 'GET' &&
        !pathname.startsWith('/api/') &&
        !/\.[a-z0-9]+$/i.test(pathname)
      ) {
        return sendAppShell(reply, webRoot)
      }
      return reply.code(404).send({ ok: false, error: 'not_found' })
    })
  }
  return app
}

/** Where Tripay, Midtrans and Xendit post their callbacks: /api/pay/tripay and so on. */
const PAY_CALLBACK_PREFIX = '/api/pay/'

/**
 * `POST /api/pay/<gateway>`: the body is kept as the exact bytes received (a signature is over
 * them, never over a re-serialisation), in a scope of its own so no other route parses this way.
 * The answer is what the gateway expects: success stops it, anything else makes it retry.
 */
function gatewayCallbacks(options: HttpServerOptions) {
  return async (scope: FastifyInstance) => {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: 1024 * 1024 },
      (_req, body, done) => done(null, body),
    )
    scope.post<{ Params: { gateway: string } }>(
      `${PAY_CALLBACK_PREFIX}:gateway`,
      async (req, reply) => {
        const gateway = req.params.gateway
        if (!isGatewayName(gateway)) {
          return reply.code(404).send({ ok: false, error: 'not_found' })
        }
        const headers: Record<string, string | undefined> = {}
        for (const [name, value] of Object.entries(req.headers)) {
          headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
        }
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
        try {
          const answer = await answerGatewayCallback(options.services, gateway, raw, headers)
          return reply.code(answer.code).send(answer.body)
        } catch (error) {
          console.error(`[gateway] ${gateway} callback:`, error)
          // Not applied: the gateway sends it again later (and polling catches up meanwhile).
          return reply.code(500).send({ success: false, message: 'temporary failure' })
        }
      },
    )
  }
}

/**
 * index.html refers to its assets relatively (`./assets/…`) so the same build also loads from
 * file:// in the desktop. Over HTTP the shell is served at any depth (/users/12), so the links
 * are made absolute here. Read per request: it is small, and a rebuild changes the asset names.
 */
function sendAppShell(reply: FastifyReply, webRoot: string) {
  const html = readFileSync(path.join(webRoot, 'index.html'), 'utf8').replace(
    /(src|href)="\.\//g,
    '$1="/',
  )
  return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(html)
}
