import { timingSafeEqual } from 'node:crypto'
import { addDays, type CalendarDate } from '@shared/dates'
import type { SecretBox } from '../secrets'

/** How long after an invoice's due date its pay link still opens. */
export const PAY_LINK_DAYS_AFTER_DUE = 30

/** 128 bits of the HMAC: the link stays short enough for a WhatsApp line, and unguessable. */
const SIGNATURE_BYTES = 16
const PURPOSE = 'pay-link'

/** What a pay link stands for: these invoices of this customer, until the end of `expires`. */
export interface PayLinkClaims {
  companyId: number
  customerId: number
  invoiceIds: number[]
  /** The last day (company time zone) the link opens. */
  expires: CalendarDate
}

const sign = (secrets: SecretBox, payload: string) =>
  secrets.mac(PURPOSE, payload).subarray(0, SIGNATURE_BYTES).toString('base64url')

const payloadOf = (c: PayLinkClaims) =>
  [c.companyId, c.customerId, c.invoiceIds.join('-'), c.expires.replaceAll('-', '')].join('.')

/** `1.42.1001-1002.20270210.<signature>`: readable numbers, signed with the data directory's key. */
export function signPayLink(secrets: SecretBox, claims: PayLinkClaims): string {
  const payload = payloadOf(claims)
  return `${payload}.${sign(secrets, payload)}`
}

export type PayLinkCheck =
  { ok: true; claims: PayLinkClaims } | { ok: false; reason: 'forged' | 'expired' }

const POSITIVE = /^[1-9]\d{0,15}$/

/**
 * The claims of a link this host signed and whose day has not passed. Anything else (a changed
 * number, another host's link, a truncated copy) is `forged` and tells nothing about what it
 * named; an expired link's claims are not returned either.
 */
export function checkPayLink(secrets: SecretBox, token: string, today: string): PayLinkCheck {
  const parts = token.split('.')
  if (parts.length !== 5) return { ok: false, reason: 'forged' }
  const [company, customer, invoices, expires, signature] = parts as [
    string,
    string,
    string,
    string,
    string,
  ]
  const payload = parts.slice(0, 4).join('.')
  const given = Buffer.from(signature, 'base64url')
  const expected = Buffer.from(sign(secrets, payload), 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'forged' }
  const ids = invoices.split('-')
  if (![company, customer, ...ids].every((n) => POSITIVE.test(n)) || !/^\d{8}$/.test(expires))
    return { ok: false, reason: 'forged' }
  const day = `${expires.slice(0, 4)}-${expires.slice(4, 6)}-${expires.slice(6)}` as CalendarDate
  if (day < today) return { ok: false, reason: 'expired' }
  return {
    ok: true,
    claims: {
      companyId: Number(company),
      customerId: Number(customer),
      invoiceIds: ids.map(Number),
      expires: day,
    },
  }
}

/** The invoices a message is about, as far as its pay link needs them. */
export interface PayLinkInvoice {
  id: number
  dueDate: string
  /** Still owed: a paid invoice needs no link. */
  amount: number
}

/** `{link_bayar}` for one customer's invoices: their signed link, or '' when there is none. */
export type PayLinks = (customerId: number, invoices: PayLinkInvoice[]) => string

/** No pay link (a receipt, or a message that names no invoice). */
export const NO_PAY_LINKS: PayLinks = () => ''

/**
 * The pay links of one company's messages: `<portal address>/bayar/<token>` for the unpaid
 * invoices a message names, valid until the latest due date + 30 days. Empty without the
 * company's portal address ("Alamat portal untuk pelanggan"), or without the key to sign with.
 */
export function payLinks(
  secrets: SecretBox | null,
  companyId: number,
  portalAddress: string,
): PayLinks {
  const base = portalAddress.trim().replace(/\/+$/, '')
  if (!secrets || !base) return NO_PAY_LINKS
  return (customerId, invoices) => {
    const unpaid = invoices.filter((i) => i.amount > 0)
    if (unpaid.length === 0) return ''
    const lastDue = unpaid.map((i) => i.dueDate).sort()[unpaid.length - 1] as CalendarDate
    const token = signPayLink(secrets, {
      companyId,
      customerId,
      invoiceIds: [...new Set(unpaid.map((i) => i.id))].sort((a, b) => a - b),
      expires: addDays(lastDue, PAY_LINK_DAYS_AFTER_DUE),
    })
    return `${base}/bayar/${token}`
  }
}
