import type { UrlBodyType } from '@shared/schemas'
import { classifyRefusal, httpSend, httpStatusError } from './http'
import type { Transport } from './types'

export interface UrlTemplateConfig {
  templateUrl: string
  method: 'GET' | 'POST'
  bodyTemplate: string
  bodyType: UrlBodyType
  token: string
}

const CONTENT_TYPES: Record<UrlBodyType, string> = {
  form: 'application/x-www-form-urlencoded',
  json: 'application/json',
  text: 'text/plain; charset=utf-8',
}

type Values = Record<'phone' | 'message' | 'token', string>

function fill(template: string, values: Values, escape: (v: string) => string): string {
  return template.replace(/\{(phone|message|token)\}/g, (_, name: keyof Values) =>
    escape(values[name]),
  )
}

const jsonEscape = (v: string) => JSON.stringify(v).slice(1, -1)
const raw = (v: string) => v

/**
 * The generic gateway most Indonesian WhatsApp services offer: a URL (and for POST a body) with
 * `{phone}`, `{message}` and optionally `{token}` filled in, each escaped for where it stands.
 * A token the template does not place is sent as the Authorization header.
 */
export function urlTemplateTransport(config: UrlTemplateConfig): Transport {
  const usesToken = `${config.templateUrl} ${config.bodyTemplate}`.includes('{token}')
  return {
    async send({ to, body }) {
      const values: Values = { phone: to, message: body, token: config.token }
      const url = fill(config.templateUrl, values, encodeURIComponent)
      const headers: Record<string, string> = {}
      if (config.token && !usesToken) headers.Authorization = config.token
      let payload: string | undefined
      if (config.method === 'POST') {
        const escape =
          config.bodyType === 'form'
            ? encodeURIComponent
            : config.bodyType === 'json'
              ? jsonEscape
              : raw
        payload = fill(config.bodyTemplate, values, escape)
        headers['Content-Type'] = CONTENT_TYPES[config.bodyType]
      }
      const reply = await httpSend(url, { method: config.method, headers, body: payload })
      if (reply.status < 200 || reply.status >= 300) throw httpStatusError(reply.status, reply.text)
      // A JSON answer that says it failed is a refusal even under HTTP 200.
      const json = reply.json as Record<string, unknown> | null
      if (json && typeof json === 'object' && (json.status === false || json.ok === false)) {
        const why = json.reason ?? json.message ?? json.error ?? json.detail ?? reply.text
        throw classifyRefusal(String(why))
      }
      const id = json && typeof json === 'object' ? (json.id ?? json.message_id ?? null) : null
      return { providerId: id == null || typeof id === 'object' ? null : String(id) }
    },
  }
}
