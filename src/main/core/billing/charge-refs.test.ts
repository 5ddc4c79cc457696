import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { addCharge } from './invoice-actions'
import { billingFixture } from './testing'

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : `thrown: ${String(e)}`),
  )

describe('a one-time charge names a service of its own customer', () => {
  it('a service that does not exist, or is another customer’s, is NOT_FOUND (fuzz: billing.addCharge {serviceId: 4})', async () => {
    const f = await billingFixture()
    const lina = await f.customer('Lina')
    const budi = await f.customer('Budi')
    const charge = (serviceId: number | null) =>
      addCharge(
        f.deps,
        f.actor,
        {
          customerId: lina.customerId,
          serviceId,
          description: 'Biaya pasang',
          amount: 300_000,
          invoiceNow: false,
        },
        f.tz,
      )
    expect(await codeOf(charge(999))).toBe('NOT_FOUND')
    expect(await codeOf(charge(budi.serviceId))).toBe('NOT_FOUND')
    expect(await codeOf(charge(lina.serviceId))).toBe('ok')
    expect(await codeOf(charge(null))).toBe('ok')
  })
})
