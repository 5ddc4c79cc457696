import { AppError } from '@shared/errors'
import type { PortalRegisterInput } from '@shared/schemas'
import { insertCustomer } from '../customers'
import type { MessagingDeps } from '../messaging'
import { verifyChallenge } from '../otp'
import { openRegistration } from '../registrations'
import { hitRateLimits } from './rate-limit'
import type { PortalClient } from './sessions'
import { getPortalSettings } from './settings'
import {
  anonymousPortalActor,
  challengeOf,
  customerByPhone,
  openPortalCompany,
  startPortalCode,
  type PortalCodeSent,
} from './sign-in'

/**
 * Daftar (self-registration, off until the office opens it in the company settings): the
 * newcomer proves their WhatsApp number with a code, then their name and address become a
 * customer in status registrasi with a card at step 1 (Registrasi) of the workflow, for the
 * office to survey and approve. A number that is already a customer's is sent a code as any
 * other (the answer must not tell), but Daftar then says the number is registered.
 */
async function registrationCompany(deps: MessagingDeps) {
  const company = await openPortalCompany(deps.db)
  if (!(await getPortalSettings(deps.db, company.id)).selfRegistration)
    throw new AppError('PORTAL_REGISTRATION_OFF')
  return company
}

export async function requestRegistrationCode(
  deps: MessagingDeps,
  client: PortalClient,
  input: { phone: string },
): Promise<PortalCodeSent> {
  const company = await registrationCompany(deps)
  return startPortalCode(deps, client, {
    companyId: company.id,
    purpose: 'portal_register',
    phone: input.phone,
    send: true,
    data: { phone: input.phone },
  })
}

export async function registerFromPortal(
  deps: MessagingDeps,
  client: PortalClient,
  input: PortalRegisterInput,
): Promise<{ customerCode: string; registrationId: number }> {
  const company = await registrationCompany(deps)
  await hitRateLimits(deps.db, deps.clock, [{ limit: 'verifyIp', key: client.ip }])
  const challenge = await challengeOf(deps, 'portal_register', input.phone, input.challenge)
  const actor = { ...anonymousPortalActor(company.id, client), companyId: company.id }
  return verifyChallenge(
    deps,
    { challenge, code: input.code, purpose: 'portal_register', actor },
    async (tx, verified) => {
      if (verified.data.phone !== input.phone) throw new AppError('OTP_INVALID')
      if (await customerByPhone(tx, company.id, input.phone))
        throw new AppError('PORTAL_PHONE_TAKEN')
      const area = await tx
        .selectFrom('areas')
        .select('id')
        .where('company_id', '=', company.id)
        .where('active', '=', 1)
        .orderBy('id')
        .executeTakeFirst()
      if (!area) throw new AppError('PORTAL_REGISTRATION_OFF', 'no active area')
      const portalActor = { ...actor, username: `portal:daftar:${input.phone}` }
      const customer = await insertCustomer(tx, deps, portalActor, {
        areaId: area.id,
        name: input.name,
        category: 'rumah',
        nik: null,
        phone: input.phone,
        whatsapp: input.phone,
        email: input.email,
        address: input.address,
        latitude: null,
        longitude: null,
        npwp: null,
        accountManagerId: null,
        marketer: null,
        priceListId: null,
        notes: input.note ? `Daftar lewat portal: ${input.note}` : 'Daftar lewat portal',
      })
      const card = await openRegistration(deps, portalActor, { customerId: customer.id }, tx)
      return { customerCode: customer.code, registrationId: card.id }
    },
  )
}
