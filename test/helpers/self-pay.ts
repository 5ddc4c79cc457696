import { request } from 'node:http'
import { calendarDate } from '@shared/dates'
import { saveGatewaySettings } from '@core/gateways'
import { signPayLink } from '@core/pay-links'
import { startTripaySim } from '../sim/gateways/tripay'
import type { TestHost } from './http-host'

/** A pay link's token as the host signs it (its own data directory's key). */
export function payLinkToken(
  host: TestHost,
  claims: { companyId: number; customerId: number; invoiceIds: number[]; expires: string },
): string {
  return signPayLink(host.services.secrets, { ...claims, expires: calendarDate(claims.expires) })
}

/** A customer's service at `address` (what the router's NAT keeps as the browser's source). */
export async function serviceAt(host: TestHost, customerId: number, address: string) {
  await host.services.db
    .updateTable('services')
    .set({ static_ip: address })
    .where('customer_id', '=', customerId)
    .execute()
}

export interface RawAnswer {
  status: number
  body: string
  headers: Record<string, string | string[] | undefined>
}

/**
 * One request as an isolated browser sends it: the Host header of the site it had asked for
 * (the NAT keeps it), a form body when posting. No cookies, no script.
 */
export function browserRequest(
  host: TestHost,
  hostHeader: string,
  path: string,
  form?: URLSearchParams,
  contentType = 'application/x-www-form-urlencoded',
): Promise<RawAnswer> {
  const url = new URL(host.url)
  const body = form?.toString()
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: form ? 'POST' : 'GET',
        headers: { host: hostHeader, ...(form ? { 'content-type': contentType } : {}) },
      },
      (res) => {
        let text = ''
        res.on('data', (d: Buffer) => (text += d.toString()))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** The value of the pay form's hidden token in a page. */
export const formTokenIn = (html: string) => /name="form" value="([^"]+)"/.exec(html)?.[1] ?? ''

/**
 * Tripay (gw-core's simulator) as the company's gateway: sandbox keys, the customer pays the
 * channel's fee. Stopped with the returned `close`.
 */
export async function tripayOn(host: TestHost) {
  const sim = await startTripaySim()
  await saveGatewaySettings(
    host.services,
    { companyId: 1, userId: 1, username: 'owner', ip: '127.0.0.1', userAgent: 'test' },
    {
      gateway: 'tripay',
      enabled: true,
      mode: 'sandbox',
      baseUrl: sim.baseUrl,
      keys: { ...sim.keys },
      feePolicy: 'customer',
      expiryHours: 24,
      pollMinutes: 5,
      channels: null,
    },
  )
  return sim
}
