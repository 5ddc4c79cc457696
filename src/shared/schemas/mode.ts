import { z } from 'zod'

/**
 * Host or client (DESIGN.md "Hosts and clients"): a host owns the data and serves the LAN; a
 * client opens no database and shows the host's UI over HTTP. Kept in `<dataDir>/mode.json`.
 */
export const DESKTOP_MODES = ['host', 'client'] as const
export type DesktopMode = (typeof DESKTOP_MODES)[number]

/** `http://192.168.1.10:8080` (no path, query or credentials): where a client finds its host. */
export const hostUrlSchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(200)
  .transform((value, ctx) => {
    const withScheme = /^[a-z]+:\/\//i.test(value) ? value : `http://${value}`
    let url: URL
    try {
      url = new URL(withScheme)
    } catch {
      ctx.addIssue({ code: 'custom', message: 'validation.host_url' })
      return z.NEVER
    }
    const clean =
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.username === '' &&
      url.password === '' &&
      (url.pathname === '/' || url.pathname === '') &&
      url.search === '' &&
      url.hash === ''
    if (!clean) {
      ctx.addIssue({ code: 'custom', message: 'validation.host_url' })
      return z.NEVER
    }
    return url.origin
  })

export const modeSettingsSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('host') }).strict(),
  z.object({ mode: z.literal('client'), hostUrl: hostUrlSchema }).strict(),
])
export type ModeSettings = z.infer<typeof modeSettingsSchema>

export const modeSaveInput = modeSettingsSchema
export const connectionTestInput = z.object({ hostUrl: hostUrlSchema })
