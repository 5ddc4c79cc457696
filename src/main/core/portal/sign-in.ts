import { sql } from 'kysely'
import { AppError } from '@shared/errors'
import { moduleDisabledDetails } from '@shared/modules'
import type { PortalVerifyInput } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import type { Db } from '../db'
import { activeChannels, type MessagingDeps } from '../messaging'
import {
  hashChallengeToken,
  resendChallenge,
  startChallenge,
  verifyChallenge,
  type OtpPurpose,
} from '../otp'
import { getModules } from '../settings'
import { hitRateLimits } from './rate-limit'
import { createPortalSession, type PortalClient } from './sessions'
import { portalCompany } from './settings'

/**
 * Sign-in by WhatsApp number and a 6-digit code (the OTP service: 10 minutes, single use, 5
 * wrong codes lock 15 minutes, a new code after 60 s). The answer never says whether the
 * number is a customer's: a number that is not gets a silent challenge with the same fields,
 * the same pace and the same locks, and nothing is sent. Codes go only to a registered
 * customer's WhatsApp (not terminated), and only when the company's WhatsApp channel is on.
 */
export interface PortalCodeSent {
  challenge: string
  expiresAt: string
  resendAt: string
}

const shape = (s: PortalCodeSent): PortalCodeSent => ({
  challenge: s.challenge,
  expiresAt: s.expiresAt,
  resendAt: s.resendAt,
})

export function anonymousPortalActor(companyId: number | null, client: PortalClient): Actor {
  return {
    companyId,
    userId: null,
    username: null,
    ip: client.ip,
    userAgent: client.userAgent.slice(0, 300),
  }
}

/** The portal's company with its module on, or MODULE_DISABLED (the portal says so). */
export async function openPortalCompany(db: Db) {
  const company = await portalCompany(db)
  if (!company || !(await getModules(db, company.id)).portal) {
    throw new AppError('MODULE_DISABLED', 'module portal is off', moduleDisabledDetails('portal'))
  }
  return company
}

/** The customer whose WhatsApp number this is (their `whatsapp`, else their `phone`). */
export async function customerByPhone(db: Db, companyId: number, phone: string) {
  return db
    .selectFrom('customers')
    .select(['id', 'company_id', 'code', 'name', 'status'])
    .where('company_id', '=', companyId)
    .where(sql<string>`COALESCE(whatsapp, phone)`, '=', phone)
    .where('status', '!=', 'putus')
    .orderBy('id')
    .executeTakeFirst()
}

/**
 * Starts a code for `phone` under `purpose`: sent when `send` (a customer's number, or the
 * number a customer or a newcomer proves), silent otherwise. Limits per address and number
 * come first, then the OTP service's own.
 */
export async function startPortalCode(
  deps: MessagingDeps,
  client: PortalClient,
  p: {
    companyId: number
    purpose: OtpPurpose
    phone: string
    send: boolean
    data: Record<string, unknown>
  },
): Promise<PortalCodeSent> {
  await hitRateLimits(deps.db, deps.clock, [
    { limit: 'otpIp', key: client.ip },
    { limit: 'otpPhone', key: p.phone },
  ])
  const channels = await activeChannels(deps.db, p.companyId)
  const to =
    p.send && channels.has('whatsapp') ? { channel: 'whatsapp' as const, address: p.phone } : null
  const started = await startChallenge(deps, {
    companyId: p.companyId,
    purpose: p.purpose,
    subject: { key: `phone:${p.phone}`, userId: null },
    to,
    actor: anonymousPortalActor(p.companyId, client),
    data: p.data,
  })
  // `portal.verifyOtp {phone, code}` finds the number's open challenge without its handle: the
  // handle is kept sealed with the data directory's key (as the code is until sent), so a
  // copied database alone still holds nothing to try codes against.
  await deps.db
    .updateTable('otp_challenges')
    .set({
      data_json: JSON.stringify({ ...p.data, handle: deps.secrets.seal(started.challenge) }),
    })
    .where('token_hash', '=', hashChallengeToken(started.challenge))
    .execute()
  return shape(started)
}

/** The handle of the number's newest open challenge for `purpose` (or a given one as it is). */
export async function challengeOf(
  deps: MessagingDeps,
  purpose: OtpPurpose,
  phone: string,
  given: string | undefined,
): Promise<string> {
  if (given) return given
  const row = await deps.db
    .selectFrom('otp_challenges')
    .select('data_json')
    .where('purpose', '=', purpose)
    .where('subject_key', '=', `phone:${phone}`)
    .where('ended_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst()
  const handle = row?.data_json ? (JSON.parse(row.data_json) as { handle?: string }).handle : null
  if (!handle) throw new AppError('OTP_EXPIRED')
  return deps.secrets.open(handle)
}

export async function requestPortalOtp(
  deps: MessagingDeps,
  client: PortalClient,
  input: { phone: string },
): Promise<PortalCodeSent> {
  const company = await openPortalCompany(deps.db)
  const customer = await customerByPhone(deps.db, company.id, input.phone)
  return startPortalCode(deps, client, {
    companyId: company.id,
    purpose: 'portal_sign_in',
    phone: input.phone,
    send: !!customer,
    data: customer ? { phone: input.phone, customerId: customer.id } : { phone: input.phone },
  })
}

/** A new code for an open challenge (60 s after the last at the earliest), limits first. */
export async function resendPortalOtp(
  deps: MessagingDeps,
  client: PortalClient,
  input: { challenge: string },
  purpose: OtpPurpose = 'portal_sign_in',
): Promise<PortalCodeSent> {
  const company = await openPortalCompany(deps.db)
  const row = await deps.db
    .selectFrom('otp_challenges')
    .select('subject_key')
    .where('token_hash', '=', hashChallengeToken(input.challenge))
    .executeTakeFirst()
  await hitRateLimits(deps.db, deps.clock, [
    { limit: 'otpIp', key: client.ip },
    ...(row ? [{ limit: 'otpPhone' as const, key: row.subject_key.replace(/^phone:/, '') }] : []),
  ])
  return shape(
    await resendChallenge(
      deps,
      { challenge: input.challenge, purpose },
      anonymousPortalActor(company.id, client),
    ),
  )
}

export interface PortalSignedIn {
  token: string
  expiresAt: string
  remembered: boolean
  customer: { code: string; name: string }
}

/**
 * The code → a portal session. The customer is looked up again when the code is right (a
 * customer terminated meanwhile gets nothing); a silent challenge's code was never sent and
 * opens nothing even if guessed.
 */
export async function verifyPortalOtp(
  deps: MessagingDeps,
  client: PortalClient,
  input: PortalVerifyInput,
): Promise<PortalSignedIn> {
  const company = await openPortalCompany(deps.db)
  await hitRateLimits(deps.db, deps.clock, [{ limit: 'verifyIp', key: client.ip }])
  const challenge = await challengeOf(deps, 'portal_sign_in', input.phone, input.challenge)
  return verifyChallenge(
    deps,
    {
      challenge,
      code: input.code,
      purpose: 'portal_sign_in',
      actor: anonymousPortalActor(company.id, client),
    },
    async (tx, challenge) => {
      const customerId = Number(challenge.data.customerId ?? 0)
      if (!customerId || challenge.data.phone !== input.phone) throw new AppError('OTP_INVALID')
      const customer = await tx
        .selectFrom('customers')
        .select(['id', 'company_id', 'code', 'name', 'status'])
        .where('id', '=', customerId)
        .where('company_id', '=', company.id)
        .executeTakeFirst()
      if (!customer || customer.status === 'putus') throw new AppError('OTP_EXPIRED')
      const session = await createPortalSession(tx, deps, customer, client, {
        remember: input.remember,
      })
      await appendAudit(
        tx,
        deps.clock,
        { ...anonymousPortalActor(company.id, client), username: `portal:${customer.code}` },
        {
          action: 'portal.sign_in',
          entityType: 'customer',
          entityId: customer.id,
          after: { remembered: input.remember },
        },
      )
      return {
        token: session.token,
        expiresAt: session.expiresAt,
        remembered: input.remember,
        customer: { code: customer.code, name: customer.name },
      }
    },
  )
}
