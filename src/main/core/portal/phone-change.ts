import { sql } from 'kysely'
import { AppError } from '@shared/errors'
import { appendAudit } from '../audit'
import { refreshCustomer } from '../customers'
import type { MessagingDeps } from '../messaging'
import { verifyChallenge } from '../otp'
import { challengeOf, startPortalCode, type PortalCodeSent } from './sign-in'
import { portalActor, type PortalClient, type PortalCustomer } from './sessions'

/**
 * A new WhatsApp number in Profil counts only once a code sent to it comes back: the number is
 * where sign-in codes, invoices and receipts go. A number another customer has is refused.
 */
export async function requestPhoneChange(
  deps: MessagingDeps,
  c: PortalCustomer,
  client: PortalClient,
  phone: string,
): Promise<PortalCodeSent> {
  const other = await deps.db
    .selectFrom('customers')
    .select('id')
    .where('company_id', '=', c.companyId)
    .where('id', '!=', c.customerId)
    .where('status', '!=', 'putus')
    .where(sql<string>`COALESCE(whatsapp, phone)`, '=', phone)
    .executeTakeFirst()
  if (other) throw new AppError('PORTAL_PHONE_TAKEN')
  return startPortalCode(deps, client, {
    companyId: c.companyId,
    purpose: 'portal_phone_change',
    phone,
    send: true,
    data: { phone, customerId: c.customerId },
  })
}

export async function confirmPhoneChange(
  deps: MessagingDeps,
  c: PortalCustomer,
  client: PortalClient,
  input: { phone: string; challenge?: string; code: string },
): Promise<{ whatsapp: string }> {
  const challenge = await challengeOf(deps, 'portal_phone_change', input.phone, input.challenge)
  return verifyChallenge(
    deps,
    { challenge, code: input.code, purpose: 'portal_phone_change', actor: portalActor(c, client) },
    async (tx, verified) => {
      if (verified.data.customerId !== c.customerId || verified.data.phone !== input.phone)
        throw new AppError('OTP_INVALID')
      const before = await tx
        .selectFrom('customers')
        .select(['whatsapp', 'phone'])
        .where('id', '=', c.customerId)
        .executeTakeFirstOrThrow()
      await tx
        .updateTable('customers')
        .set({ whatsapp: input.phone, updated_at: deps.clock.now().toISOString() })
        .where('id', '=', c.customerId)
        .execute()
      await refreshCustomer(tx, c.customerId)
      await appendAudit(tx, deps.clock, portalActor(c, client), {
        action: 'portal.whatsapp',
        entityType: 'customer',
        entityId: c.customerId,
        before: { whatsapp: before.whatsapp ?? before.phone },
        after: { whatsapp: input.phone, verified: 'otp' },
      })
      return { whatsapp: input.phone }
    },
  )
}
