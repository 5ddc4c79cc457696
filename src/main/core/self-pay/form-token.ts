import { timingSafeEqual } from 'node:crypto'
import type { SecretBox } from '../secrets'

/** A page's pay form may be sent back within this long. */
export const FORM_TOKEN_MINUTES = 60

const PURPOSE = 'self-pay-form'

/**
 * The signed token a self-service pay form carries (the pages have no session and no cookie):
 * the form is for this customer, from this page (`scope`: the isolir page of an address, or a
 * pay link), until `expiresAt`. A form another site built, or one for another customer, fails.
 */
export function signFormToken(
  secrets: SecretBox,
  p: { customerId: number; scope: string; now: Date },
): string {
  const expires = p.now.getTime() + FORM_TOKEN_MINUTES * 60_000
  const payload = `${p.customerId}.${expires}`
  const sig = secrets.mac(PURPOSE, `${payload}|${p.scope}`).toString('base64url')
  return `${payload}.${sig}`
}

/** True when the token was signed here for this customer and scope and is still fresh. */
export function checkFormToken(
  secrets: SecretBox,
  token: string,
  p: { customerId: number; scope: string; now: Date },
): boolean {
  const [customer, expires, sig] = token.split('.')
  if (!customer || !expires || !sig || Number(customer) !== p.customerId) return false
  if (!/^\d{1,15}$/.test(expires) || Number(expires) < p.now.getTime()) return false
  const expected = secrets.mac(PURPOSE, `${customer}.${expires}|${p.scope}`)
  const given = Buffer.from(sig, 'base64url')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
