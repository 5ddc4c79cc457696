import { classifyRefusal, formBody, httpSend, httpStatusError } from './http'
import { SendError, type Transport } from './types'

export interface WablasConfig {
  token: string
  baseUrl: string
}

/**
 * Wablas: `POST {server}/api/send-message` with form fields phone and message, the token as the
 * Authorization header. Success is `{status:true, data:{messages:[{id…}]}}`, refusal
 * `{status:false, message:…}` (sometimes with a 4xx status).
 */
export function wablasTransport(config: WablasConfig): Transport {
  const url = `${config.baseUrl.replace(/\/+$/, '')}/api/send-message`
  return {
    async send({ to, body }) {
      const reply = await httpSend(url, {
        method: 'POST',
        headers: {
          Authorization: config.token,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: formBody({ phone: to, message: body }),
      })
      const json = reply.json as {
        status?: unknown
        message?: unknown
        data?: { messages?: { id?: unknown }[] }
      } | null
      if (reply.status >= 200 && reply.status < 300 && json?.status === true) {
        const id = json.data?.messages?.[0]?.id
        return { providerId: id == null ? null : String(id) }
      }
      if (reply.status >= 500) throw httpStatusError(reply.status, reply.text)
      if (json && json.status === false)
        throw classifyRefusal(String(json.message ?? 'ditolak Wablas'))
      if (reply.status < 200 || reply.status >= 300) throw httpStatusError(reply.status, reply.text)
      throw new SendError('down', `jawaban Wablas tidak dikenal: ${reply.text.slice(0, 200)}`)
    },
  }
}
