import { classifyRefusal, formBody, httpSend, httpStatusError } from './http'
import { SendError, type Transport } from './types'

export interface FonnteConfig {
  token: string
  baseUrl: string
}

/**
 * Fonnte: `POST {base}/send`, the device token as the bare Authorization header, form fields.
 * It answers HTTP 200 either way: `{"status":true,"id":[…]}` or `{"status":false,"reason":…}`.
 */
export function fonnteTransport(config: FonnteConfig): Transport {
  const url = `${config.baseUrl.replace(/\/+$/, '')}/send`
  return {
    async send({ to, body }) {
      const reply = await httpSend(url, {
        method: 'POST',
        headers: {
          Authorization: config.token,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: formBody({ target: to, message: body, countryCode: '62' }),
      })
      const json = reply.json as {
        status?: unknown
        id?: unknown
        reason?: unknown
        detail?: unknown
      } | null
      if (reply.status >= 200 && reply.status < 300 && json?.status === true) {
        const ids = Array.isArray(json.id) ? json.id : json.id == null ? [] : [json.id]
        return { providerId: ids.length ? String(ids[0]) : null }
      }
      if (reply.status >= 500) throw httpStatusError(reply.status, reply.text)
      if (json && json.status === false)
        throw classifyRefusal(String(json.reason ?? json.detail ?? 'ditolak Fonnte'))
      if (reply.status < 200 || reply.status >= 300) throw httpStatusError(reply.status, reply.text)
      throw new SendError('down', `jawaban Fonnte tidak dikenal: ${reply.text.slice(0, 200)}`)
    },
  }
}
