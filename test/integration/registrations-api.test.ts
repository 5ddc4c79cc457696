import { testPng } from '@core/registrations/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  apiCode,
  areaAndPackage,
  companyOwner,
  startTestHost,
  type TestHost,
} from '../helpers/http-host'
import { signInAs } from '../helpers/role-users'

/**
 * Registrasi → Aktif through the real HTTP API (SQLite, or PostgreSQL on the postgres run): the
 * six steps' forms in order, the activation's first invoice and the BAST PDF; a viewer sees the
 * board but moves nothing.
 */
let host: TestHost
beforeEach(async () => {
  host = await startTestHost()
}, 120_000)
afterEach(async () => {
  await host.stop()
})

const png = () => ({ mime: 'image/png' as const, data: testPng().toString('base64') })

describe('registrations API', () => {
  it(
    'takes a new customer from Registrasi to an active service with a first invoice and a signed BAST',
    { timeout: 120_000 },
    async () => {
      const { owner, ownerToken } = await companyOwner(host)
      const { area, product } = await areaAndPackage(owner)
      const customer = await owner.customers.create.mutate({
        areaId: area.id,
        name: 'Gilang Anugrah',
        phone: '0813-1111-2222',
      })
      const { id } = await owner.registrations.open.mutate({ customerId: customer.id })
      const registrationId = id
      // No skipping: the Akun form is refused while the card is at Registrasi.
      expect(
        await apiCode(
          owner.registrations.account.mutate({
            registrationId,
            category: 'rumah',
            areaId: area.id,
          }),
        ),
      ).toBe('REGISTRATION_STEP_REFUSED')
      await owner.registrations.scheduleSurvey.mutate({
        registrationId,
        priority: 'sedang',
        date: '2026-11-23',
      })
      await owner.registrations.surveyReport.mutate({
        registrationId,
        decision: 'layak',
        topology: 'ODP-02, 80 m',
        photos: [png()],
      })
      const account = await owner.registrations.account.mutate({
        registrationId,
        category: 'rumah',
        areaId: area.id,
      })
      expect(account.username).toBe(customer.code.toLowerCase())
      await owner.registrations.product.mutate({
        registrationId,
        activationDate: '2026-11-22',
        billingSchedule: { kind: 'fixed', day: 1 },
        taxType: 'non_ppn',
        productId: product.id,
      })
      await owner.registrations.scheduleInstallation.mutate({
        registrationId,
        date: '2026-11-22',
        fee: 100_000,
        items: [{ name: 'ONT', quantity: 1 }],
      })
      await owner.registrations.installationReport.mutate({
        registrationId,
        onuSerial: 'HWTC12345678',
        rxPower: -21.3,
        cableLength: 80,
      })
      const done = await owner.registrations.signBast.mutate({
        registrationId,
        customerSignature: png(),
        technicianSignature: png(),
        customerSignerName: 'Gilang Anugrah',
        technicianSignerName: 'Pemilik',
      })
      expect(done).toMatchObject({ status: 'aktif', serviceStatus: 'aktif' })
      // 22 Nov → 1 Dec of a 30-day period: 9/30 × 150,000 = 45,000; + the Rp100,000 fee.
      const invoice = await owner.billing.invoice.query({ id: done.invoiceId! })
      expect(invoice.total).toBe(145_000)
      const pdf = await owner.registrations.bastPdf.query({ registrationId })
      const bytes = Buffer.from(pdf.contentBase64, 'base64')
      expect(bytes.subarray(0, 4).toString()).toBe('%PDF')
      expect(bytes.toString('latin1').match(/\/Subtype \/Image/g)?.length).toBe(2)
      const card = await owner.registrations.get.query({ registrationId })
      expect(card.status).toBe('aktif')
      expect(card.service?.status).toBe('aktif')

      const viewer = await signInAs(host, ownerToken, 'viewer', 'pemantau1')
      expect(await viewer.registrations.list.query({ status: 'aktif' })).toHaveLength(1)
      expect(await apiCode(viewer.registrations.open.mutate({ customerId: customer.id }))).toBe(
        'FORBIDDEN',
      )
    },
  )
})
