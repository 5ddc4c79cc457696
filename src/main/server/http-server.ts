import { existsSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify'
import Fastify, { type FastifyInstance } from 'fastify'
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
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: false,
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
    await app.register(fastifyStatic, { root: webRoot, index: ['index.html'], wildcard: false })
    // Client-side routes (/users, /audit…) load the app shell; unknown /api paths stay 404.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) {
        return reply.type('text/html').sendFile('index.html')
      }
      return reply.code(404).send({ ok: false, error: 'not_found' })
    })
  }
  return app
}
