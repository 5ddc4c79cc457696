import { mkdirSync } from 'node:fs'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

/**
 * /updates/: the feed electron-updater's generic provider reads on every desktop and client of
 * this host (latest.yml, the installers, their blockmaps). GET and HEAD only, files only (no
 * listing, no index, no dotfiles: a feed being written is a dotfile until its rename), and Range
 * requests, which a differential download sends for the blocks it lacks.
 */
export async function serveUpdates(app: FastifyInstance, dir: string): Promise<void> {
  // Files are looked up per request: a version published while the host runs is served at once.
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/updates/',
    decorateReply: false,
    wildcard: true,
    index: false,
    list: false,
    dotfiles: 'ignore',
    acceptRanges: true,
    cacheControl: false,
    // The feed (latest.yml) changes in place; an installer's name carries its version, so it never does.
    setHeaders: (res, filePath) => {
      res.setHeader(
        'Cache-Control',
        filePath.endsWith('.yml') ? 'no-cache' : 'public, max-age=31536000, immutable',
      )
    },
  })
}
