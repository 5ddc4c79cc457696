import { describe, expect, it } from 'vitest'
import {
  bastSignInput,
  installationReportInput,
  installationScheduleInput,
  registrationAccountInput,
  registrationBackInput,
  registrationProductInput,
  surveyReportInput,
  surveyScheduleInput,
} from '@shared/schemas'
import { queueWelcomeMessages } from '../collections'
import { grantRegistrationPermissions } from '../db/migrations/202612070301_registrations'
import { permissionsOfRole } from '../roles'
import { pdfText } from '../documents'
import {
  bastPdf,
  getRegistration,
  listRegistrations,
  moveBack,
  openRegistration,
  saveAccount,
  saveInstallationReport,
  saveProduct,
  saveSurveyReport,
  scheduleInstallation,
  scheduleSurvey,
  signBast,
} from './index'
import { pngUpload, registrationFixture } from './testing'

async function fixture() {
  const f = await registrationFixture()
  const gilang = await f.db
    .insertInto('customers')
    .values({
      company_id: f.companyId,
      code: 'CBG01-0100',
      area_id: f.cbg.id,
      name: 'Gilang Anugrah',
      category: 'rumah',
      nik: '3201010101010001',
      phone: '6281311112222',
      whatsapp: null,
      email: null,
      address: 'Jl. Mawar 5, Cibinong',
      latitude: -6.48,
      longitude: 106.85,
      npwp: null,
      account_manager_id: null,
      marketer: 'Sales Rina',
      price_list_id: null,
      notes: null,
      status: 'registrasi',
      created_at: '2026-12-17T03:00:00Z',
      updated_at: '2026-12-17T03:00:00Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await f.whatsappOn()
  const d = f.deps
  const a = f.actor
  const id = (await openRegistration(d, a, { customerId: gilang.id })).id
  const steps = {
    survey: () =>
      scheduleSurvey(
        d,
        a,
        surveyScheduleInput.parse({
          registrationId: id,
          priority: 'tinggi',
          date: '2026-12-18',
          time: '09:30',
          technicianId: f.technicianId,
        }),
      ),
    report: (patch: Record<string, unknown> = {}) =>
      saveSurveyReport(
        d,
        a,
        surveyReportInput.parse({
          registrationId: id,
          topology: 'ODP-07 → tiang 3 → rumah, 120 m',
          notes: 'Sinyal ODP bagus',
          photos: [pngUpload()],
          decision: 'layak',
          ...patch,
        }),
      ),
    account: () =>
      saveAccount(
        d,
        a,
        registrationAccountInput.parse({ registrationId: id, category: 'rumah', areaId: f.cbg.id }),
      ),
    product: () =>
      saveProduct(
        d,
        a,
        registrationProductInput.parse({
          registrationId: id,
          activationDate: '2026-12-17',
          billingSchedule: { kind: 'fixed', day: 1 },
          taxType: 'non_ppn',
          productId: f.p10.id,
        }),
      ),
    installSchedule: (fee = 250_000) =>
      scheduleInstallation(
        d,
        a,
        installationScheduleInput.parse({
          registrationId: id,
          date: '2026-12-17',
          fee,
          technicianId: f.technicianId,
          warehouse: 'Gudang Cibinong',
          items: [
            { name: 'ONT ZTE F609', quantity: 1, unit: 'unit' },
            { name: 'Kabel drop core', quantity: 120, unit: 'meter' },
          ],
        }),
      ),
    installReport: () =>
      saveInstallationReport(
        d,
        a,
        installationReportInput.parse({
          registrationId: id,
          onuSerial: 'ZTEGC8A1B2C3',
          rxPower: -19.5,
          cableLength: 118,
          notes: 'Modem di ruang tamu',
          photos: [pngUpload()],
        }),
      ),
    sign: (restrictBeforePayment = false) =>
      signBast(
        d,
        a,
        bastSignInput.parse({
          registrationId: id,
          customerSignature: pngUpload(),
          technicianSignature: pngUpload(),
          customerSignerName: 'Gilang Anugrah',
          technicianSignerName: 'Teknisi Andi',
          restrictBeforePayment,
        }),
      ),
  }
  const toFinal = async () => {
    await steps.survey()
    await steps.report()
    await steps.account()
    await steps.product()
    await steps.installSchedule()
    await steps.installReport()
  }
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: { code?: string }) => e.code ?? String(e),
    )
  const card = () => getRegistration(d, f.companyId, id)
  return { ...f, customerId: gilang.id, id, steps, toFinal, code, card }
}

describe('registration workflow', () => {
  it('moves forward only through the form of the step the card is at: no skipping', async () => {
    const f = await fixture()
    expect(await f.code(f.steps.account())).toBe('REGISTRATION_STEP_REFUSED')
    expect(await f.code(f.steps.report())).toBe('REGISTRATION_STEP_REFUSED')
    await f.steps.survey()
    expect((await f.card()).step).toBe('survei')
    expect(await f.code(f.steps.product())).toBe('REGISTRATION_STEP_REFUSED')
    await f.steps.report()
    await f.steps.account()
    await f.steps.product()
    // The installation report needs the visit scheduled first.
    expect(await f.code(f.steps.installReport())).toBe('REGISTRATION_STEP_REFUSED')
    await f.steps.installSchedule()
    await f.steps.installReport()
    const card = await f.card()
    expect(card.step).toBe('finalisasi')
    expect(card.events.map((e) => e.kind)).toEqual([
      'created',
      'survey_scheduled',
      'survey_report',
      'account',
      'product',
      'installation_scheduled',
      'installation_report',
    ])
    expect(card.events.every((e) => e.username === 'owner')).toBe(true)
    expect(card.installation.items).toHaveLength(2)
    expect(card.files.map((x) => x.kind)).toEqual(['survey_photo', 'install_photo'])
    // The board shows who moved the card into each step and when.
    const [board] = await listRegistrations(f.db, f.companyId)
    expect(Object.keys(board!.steps)).toEqual([
      'registrasi',
      'survei',
      'akun',
      'produk',
      'instalasi',
      'finalisasi',
    ])
  })

  it('opens one card per customer at a time', async () => {
    const f = await fixture()
    expect(await f.code(openRegistration(f.deps, f.actor, { customerId: f.customerId }))).toBe(
      'REGISTRATION_OPEN_EXISTS',
    )
  })

  it('moves back one step only with a reason, kept in the history', async () => {
    const f = await fixture()
    expect(registrationBackInput.safeParse({ registrationId: f.id, reason: '  ' }).success).toBe(
      false,
    )
    expect(await f.code(moveBack(f.deps, f.actor, { registrationId: f.id, reason: 'salah' }))).toBe(
      'REGISTRATION_STEP_REFUSED',
    )
    await f.steps.survey()
    await f.steps.report()
    await moveBack(f.deps, f.actor, { registrationId: f.id, reason: 'Survei ulang: ODP penuh' })
    const card = await f.card()
    expect(card.step).toBe('survei')
    expect(card.events.at(-1)).toMatchObject({
      kind: 'back',
      fromStep: 'akun',
      toStep: 'survei',
      note: 'Survei ulang: ODP penuh',
    })
    // The step's form moves it forward again.
    await f.steps.report()
    expect((await f.card()).step).toBe('akun')
  })

  it('generates the login by the company rule at Akun and creates the service at Produk', async () => {
    const f = await fixture()
    await f.steps.survey()
    await f.steps.report()
    const account = await f.steps.account()
    expect(account.username).toBe('cbg01-0100')
    const card = await f.card()
    expect(card.account.password).toMatch(/^[a-z0-9]{8}$/)
    const product = await f.steps.product()
    const service = await f.db
      .selectFrom('services')
      .selectAll()
      .where('id', '=', product.serviceId)
      .executeTakeFirstOrThrow()
    expect(service).toMatchObject({
      status: 'instalasi',
      pppoe_username: 'cbg01-0100',
      activation_date: '2026-12-17',
      billing_day: 1,
      router_id: f.routerId,
    })
  })

  it('ends the card on tidak layak with its reason, and tells the customer when asked', async () => {
    const f = await fixture()
    await f.steps.survey()
    expect(
      surveyReportInput.safeParse({ registrationId: f.id, decision: 'tidak_layak' }).success,
    ).toBe(false)
    const r = await f.steps.report({
      decision: 'tidak_layak',
      reason: 'Tidak ada ODP dalam 300 m',
      notifyCustomer: true,
    })
    expect(r).toMatchObject({ status: 'ditolak', messages: 1 })
    const card = await f.card()
    expect(card).toMatchObject({ status: 'ditolak', endedReason: 'Tidak ada ODP dalam 300 m' })
    // The company's "survei tidak layak" template, its reason in {alasan}.
    const [message] = await f.messages('survey_rejected')
    expect(message!.body).toContain('belum dapat dilakukan: Tidak ada ODP dalam 300 m.')
    expect(await f.code(f.steps.account())).toBe('REGISTRATION_CLOSED')
    expect(
      await f.code(moveBack(f.deps, f.actor, { registrationId: f.id, reason: 'coba lagi' })),
    ).toBe('REGISTRATION_CLOSED')
    expect(await listRegistrations(f.db, f.companyId)).toEqual([])
    expect(await listRegistrations(f.db, f.companyId, { status: 'ditolak' })).toHaveLength(1)
  })

  it('activates on the signed BAST: router job, prorated first invoice with the installation fee, welcome once', async () => {
    const f = await fixture()
    await f.toFinal()
    const done = await f.steps.sign()
    expect(done).toMatchObject({ status: 'aktif', serviceStatus: 'aktif' })
    expect(await f.serviceStatus(done.serviceId)).toBe('aktif')
    const jobs = await f.db
      .selectFrom('device_jobs')
      .selectAll()
      .where('service_id', '=', done.serviceId)
      .execute()
    expect(jobs.map((j) => [j.kind, j.router_id, j.status])).toContainEqual([
      'service.sync',
      f.routerId,
      'pending',
    ])
    // 17 Dec → 1 Jan of a 31-day period: 15/31 × 150,000 = 72,580.6 → 72,581; + 250,000 fee.
    const [invoice] = await f.invoicesOf(f.customerId)
    expect(invoice).toMatchObject({ id: done.invoiceId, status: 'issued', total: 322_581 })
    expect(invoice!.number).toMatch(/^INV\/2026\/\d{6}$/)
    const lines = await f.linesOf(invoice!.id)
    expect(lines.map((l) => [l.kind, l.amount])).toEqual([
      ['recurring', 72_581],
      ['one_time', 250_000],
    ])
    // The monthly run does not bill December again.
    expect((await f.run('2026-12', '2026-12-17')).invoices).toBe(0)
    expect(await f.messages('welcome')).toHaveLength(1)
    await queueWelcomeMessages(f.deps, f.actor, [done.serviceId], f.tz)
    expect(await f.messages('welcome')).toHaveLength(1)
    expect(await f.code(f.steps.sign())).toBe('REGISTRATION_CLOSED')
  })

  it('with "batasi koneksi sebelum pembayaran" sends the line isolated, and the first payment restores it', async () => {
    const f = await fixture()
    await f.toFinal()
    const done = await f.steps.sign(true)
    expect(done.serviceStatus).toBe('isolir')
    expect(await f.serviceStatus(done.serviceId)).toBe('isolir')
    expect(await f.messages('welcome')).toHaveLength(1)
    const sync = await f.db
      .selectFrom('device_jobs')
      .select('kind')
      .where('service_id', '=', done.serviceId)
      .execute()
    expect(sync.map((j) => j.kind)).toContain('service.sync')
    const paid = await f.pay(f.customerId, 322_581, '2026-12-18')
    expect(paid.after.restored).toBe(1)
    expect(await f.serviceStatus(done.serviceId)).toBe('aktif')
  })

  it('draws both signatures into the BAST PDF and refuses a signature that is not a PNG', async () => {
    const f = await fixture()
    await f.toFinal()
    const bad = bastSignInput.parse({
      registrationId: f.id,
      customerSignature: {
        mime: 'image/png',
        data: Buffer.from('GIF89a-not-png').toString('base64'),
      },
      technicianSignature: pngUpload(),
      customerSignerName: 'Gilang Anugrah',
      technicianSignerName: 'Teknisi Andi',
    })
    expect(await f.code(signBast(f.deps, f.actor, bad))).toBe('REGISTRATION_FILE_INVALID')
    expect(
      bastSignInput.safeParse({ ...bad, customerSignature: { mime: 'image/gif', data: 'R0lG' } })
        .success,
    ).toBe(false)
    const done = await f.steps.sign()
    const pdf = await bastPdf(f.deps, f.actor, f.id)
    const latin = pdf.toString('latin1')
    expect(latin.startsWith('%PDF')).toBe(true)
    expect(latin.match(/\/Subtype \/Image/g)?.length).toBe(2)
    const text = pdfText(pdf)
    expect(text).toContain('BERITA ACARA SERAH TERIMA')
    expect(text).toContain('Gilang Anugrah')
    expect(text).toContain('Teknisi Andi')
    expect(text).toContain('ZTEGC8A1B2C3')
    // The signed copy kept at signing is the same document.
    expect(done.bastSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(await f.deps.files.get(done.bastSha256!)).toEqual(pdf)
  })

  it('billing, support and technicians work cards by default, viewers see the board; older companies get the same', async () => {
    const f = await fixture()
    const check = async () => {
      for (const role of ['admin_billing', 'admin_support', 'technician'] as const)
        expect(await permissionsOfRole(f.db, f.companyId, role)).toEqual(
          expect.arrayContaining(['registrations.view', 'registrations.manage']),
        )
      const viewer = await permissionsOfRole(f.db, f.companyId, 'viewer')
      expect(viewer).toContain('registrations.view')
      expect(viewer).not.toContain('registrations.manage')
    }
    await check()
    await f.db
      .deleteFrom('role_permissions')
      .where('permission', 'like', 'registrations.%')
      .execute()
    await grantRegistrationPermissions(f.db as never)
    await check()
  })
})
