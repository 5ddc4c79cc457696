import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ApiServices } from '@api/index'
import { isolirLandingInfo } from '@api/routers/monitor'
import { selfPay, type SelfPayOwner, type SelfPayView } from '@api/self-pay'
import { AppError, messageKeyOf } from '@shared/errors'
import { translateId } from '@shared/messages/translate'
import {
  generalIsolirPage,
  linkRefusedPage,
  payPage,
  STALE_FORM,
  startedPage,
  statusPage,
  tooManyPage,
} from './pages'
import { rateLimiter } from './rate-limit'

/** The pay forms an isolated browser posts with a foreign Host (the NAT keeps the site's name). */
const SELF_PAY_POST = /^\/(?:isolir\/bayar|bayar\/[A-Za-z0-9._-]{1,200})$/
/** Every self-service path: the landing hook leaves these to their routes. */
const SELF_PAY_PATH = /^\/(?:isolir(?:\/.*)?|bayar\/.*)$/

const pathOf = (url: string) => url.split('?')[0] ?? ''

/** The only non-GET requests accepted under a foreign Host name (each carries a signed form token). */
export const isSelfPayPost = (method: string, url: string) =>
  method === 'POST' && SELF_PAY_POST.test(pathOf(url))

export const isSelfPayPath = (url: string) => SELF_PAY_PATH.test(pathOf(url))

type Handler = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>

const html = (reply: FastifyReply, body: string, status = 200) =>
  reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(body)

/** A form's checkboxes and radio, as the browser sends them (`invoice=1&invoice=2&channel=X`). */
function readForm(body: unknown) {
  const form = body instanceof URLSearchParams ? body : new URLSearchParams()
  return {
    token: form.get('form') ?? '',
    invoiceIds: form
      .getAll('invoice')
      .filter((v) => /^\d{1,15}$/.test(v))
      .map(Number),
    channel: (form.get('channel') ?? '').slice(0, 64),
  }
}

const errorText = (error: unknown) =>
  error instanceof AppError
    ? translateId(messageKeyOf(error.code), error.details ?? {})
    : 'Pembayaran belum bisa dibuat. Silakan coba lagi sebentar lagi.'

/**
 * The isolir page that knows the customer, and the pay links (`/bayar/<token>`): server-rendered
 * HTML with plain forms, for browsers that may run no script and reach nothing but this host.
 * Returns the isolir page's handler: the host also answers any path of a foreign site with it.
 */
export async function serveSelfPay(
  app: FastifyInstance,
  services: () => ApiServices,
): Promise<Handler> {
  const now = () => services().clock.now().getTime()
  const pages = rateLimiter(60, 60_000, now)
  const posts = rateLimiter(10, 10 * 60_000, now)
  const limited = (req: FastifyRequest, reply: FastifyReply) => {
    const ok = req.method === 'POST' ? posts(req.ip) && pages(req.ip) : pages(req.ip)
    return ok ? null : html(reply.header('Retry-After', '60'), tooManyPage(), 429)
  }

  const channelsOf = async (view: SelfPayView) => {
    try {
      return await selfPay.channels(services(), view)
    } catch (error) {
      // No gateway set up, or it does not answer: the page still shows the arrears.
      if (!(error instanceof AppError)) console.error('[self-pay] channels:', error)
      return { gateway: null, channels: [] }
    }
  }

  /** One self-service page: whose, where its form posts, and where it lives. */
  type Page = {
    owner: SelfPayOwner
    view: SelfPayView
    action: string
    back: string
    scope: string
    statusBase: string
    isolir: boolean
  }

  const showPay = async (reply: FastifyReply, p: Page, error?: string, status = 200) =>
    html(
      reply,
      payPage({
        view: p.view,
        channels: await channelsOf(p.view),
        action: p.action,
        formToken: selfPay.formToken(services(), p.owner.customerId, p.scope),
        isolir: p.isolir,
        ...(error ? { error } : {}),
      }),
      status,
    )

  const pay = async (req: FastifyRequest, reply: FastifyReply, p: Page) => {
    const form = readForm(req.body)
    if (!selfPay.checkFormToken(services(), form.token, p.owner.customerId, p.scope))
      return showPay(reply, p, STALE_FORM, 400)
    if (form.invoiceIds.length === 0) return showPay(reply, p, 'Pilih minimal satu tagihan.', 400)
    if (!form.channel) return showPay(reply, p, 'Pilih cara bayar.', 400)
    try {
      const started = await selfPay.start(services(), p.owner, p.view, {
        invoiceIds: form.invoiceIds,
        channel: form.channel,
        via: p.isolir ? 'isolir' : 'link',
        ip: req.ip,
        userAgent: String(req.headers['user-agent'] ?? ''),
      })
      const statusUrl = `${p.statusBase}?ref=${encodeURIComponent(started.reference)}`
      return html(
        reply,
        startedPage({ company: p.view.company, started, statusUrl, isolir: p.isolir }),
      )
    } catch (error) {
      if (!(error instanceof AppError)) console.error('[self-pay] start:', error)
      return showPay(reply, p, errorText(error), error instanceof AppError ? 409 : 502)
    }
  }

  const status = async (req: FastifyRequest, reply: FastifyReply, p: Page) => {
    const reference = String((req.query as { ref?: unknown }).ref ?? '').slice(0, 100)
    const state = reference ? await selfPay.state(services(), p.owner, reference) : null
    const selfUrl = `${p.statusBase}?ref=${encodeURIComponent(reference)}`
    return html(
      reply,
      statusPage({ company: p.view.company, reference, state, selfUrl, backUrl: p.back }),
      state ? 200 : 404,
    )
  }

  // The isolir page: whoever the router's NAT sent here, known by the address they come from.
  const isolirPage = async (req: FastifyRequest): Promise<Page | null> => {
    const found = await selfPay.isolirCustomer(services(), req.ip)
    if (!found) return null
    return {
      ...found,
      action: '/isolir/bayar',
      back: '/isolir',
      scope: `isolir:${req.ip}`,
      statusBase: '/isolir/status',
      isolir: true,
    }
  }
  const general = async (reply: FastifyReply) =>
    html(reply, generalIsolirPage(await isolirLandingInfo(services())))
  const isolir: Handler = async (req, reply) => {
    if (limited(req, reply)) return reply
    const p = await isolirPage(req)
    return p ? showPay(reply, p) : general(reply)
  }

  // A pay link: its own invoices only; a forged or expired one shows nothing of them.
  const linkPage = async (req: FastifyRequest, reply: FastifyReply): Promise<Page | null> => {
    const token = (req.params as { token: string }).token
    const found = await selfPay.payLinkCustomer(services(), token)
    if (!found.ok) {
      await html(reply, linkRefusedPage(found.reason), found.reason === 'expired' ? 410 : 404)
      return null
    }
    const base = `/bayar/${token}`
    return {
      owner: found.owner,
      view: found.view,
      action: base,
      back: base,
      scope: `link:${token}`,
      statusBase: `${base}/status`,
      isolir: false,
    }
  }

  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (_req, body, done) => done(null, new URLSearchParams(String(body))),
    )
    scope.get('/isolir', isolir)
    // Relative to whatever site name the NAT kept: the browser posts back through the router.
    scope.post('/isolir/bayar', async (req, reply) => {
      if (limited(req, reply)) return reply
      const p = await isolirPage(req)
      return p ? pay(req, reply, p) : reply.redirect('/isolir', 303)
    })
    scope.get('/isolir/status', async (req, reply) => {
      if (limited(req, reply)) return reply
      const p = await isolirPage(req)
      return p ? status(req, reply, p) : general(reply)
    })
    scope.get('/bayar/:token', async (req, reply) => {
      if (limited(req, reply)) return reply
      const p = await linkPage(req, reply)
      return p ? showPay(reply, p) : reply
    })
    scope.post('/bayar/:token', async (req, reply) => {
      if (limited(req, reply)) return reply
      const p = await linkPage(req, reply)
      return p ? pay(req, reply, p) : reply
    })
    scope.get('/bayar/:token/status', async (req, reply) => {
      if (limited(req, reply)) return reply
      const p = await linkPage(req, reply)
      return p ? status(req, reply, p) : reply
    })
  })
  return isolir
}
