import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify'
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import {
  appRouter,
  bearerToken,
  createApiContext,
  type ApiServices,
  type AppRouter,
} from '@api/index'

export interface HttpServerOptions {
  services: ApiServices
  /** The built renderer (index.html + assets); when absent only the API is served. */
  webRoot?: string
  logger?: boolean
}

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

  app.get('/api/health', async () => ({ ok: true, version: options.services.version }))

  await app.register(fastifyTRPCPlugin, {
    prefix: '/api/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }) =>
        createApiContext(options.services, {
          token: bearerToken(req.headers.authorization),
          ip: req.ip,
          userAgent: String(req.headers['user-agent'] ?? ''),
        }),
      onError: ({ error, path: procedurePath }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          console.error(`[api] ${procedurePath ?? '?'}:`, error.cause ?? error)
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  })

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
