import { describe, expect, it } from 'vitest'
import { DEFAULT_MODULES } from '@shared/modules'
import type { Permission } from '@shared/permissions'
import {
  installationScheduleInput,
  registrationAccountInput,
  registrationProductInput,
  surveyScheduleInput,
  type FieldCommand,
} from '@shared/schemas'
import {
  moveBack,
  openRegistration,
  saveAccount,
  saveProduct,
  scheduleInstallation,
  scheduleSurvey,
} from '../registrations'
import { pngUpload, registrationFixture } from '../registrations/testing'
import { fieldTasks, syncFieldCommands, type FieldCaller } from './index'

const TZ = 'Asia/Jakarta'
let seq = 0
const uuid = () => {
  seq += 1
  return `00000000-0000-4000-9000-${String(seq).padStart(12, '0')}`
}

async function fixture() {
  const f = await registrationFixture()
  const customer = await f.db
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
      marketer: null,
      price_list_id: null,
      notes: null,
      status: 'registrasi',
      created_at: '2026-12-17T03:00:00Z',
      updated_at: '2026-12-17T03:00:00Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const joniId = (
    await f.db
      .insertInto('users')
      .values({
        company_id: f.companyId,
        name: 'Teknisi Joni',
        username: 'joni',
        phone: null,
        email: null,
        role: 'technician',
        password_hash: 'x',
        must_change_password: 0,
        active: 1,
        created_at: '2026-12-01T00:00:00Z',
        updated_at: '2026-12-01T00:00:00Z',
        password_changed_at: null,
        deactivated_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
  const d = f.deps
  const a = f.actor
  const id = (await openRegistration(d, a, { customerId: customer.id })).id
  const permissions: Permission[] = ['registrations.view', 'registrations.manage']
  const caller = (userId: number, username: string): FieldCaller => ({
    actor: { companyId: f.companyId, userId, username, ip: '192.0.2.50', userAgent: 'phone' },
    timeZone: TZ,
    can: (p) => permissions.includes(p),
    moduleOn: (m) => DEFAULT_MODULES[m],
  })
  const andi = caller(f.technicianId, 'andi')
  const joni = caller(joniId, 'joni')
  const office = {
    survey: () =>
      scheduleSurvey(
        d,
        a,
        surveyScheduleInput.parse({
          registrationId: id,
          priority: 'tinggi',
          date: '2026-12-17',
          time: '09:30',
          technicianId: f.technicianId,
        }),
      ),
    toInstallation: async () => {
      await saveAccount(
        d,
        a,
        registrationAccountInput.parse({ registrationId: id, category: 'rumah', areaId: f.cbg.id }),
      )
      await saveProduct(
        d,
        a,
        registrationProductInput.parse({
          registrationId: id,
          activationDate: '2026-12-17',
          billingSchedule: { kind: 'fixed', day: 1 },
          taxType: 'non_ppn',
          productId: f.p10.id,
        }),
      )
      await scheduleInstallation(
        d,
        a,
        installationScheduleInput.parse({
          registrationId: id,
          date: '2026-12-18',
          time: '10:00',
          fee: 250_000,
          technicianId: f.technicianId,
          items: [{ name: 'ONT ZTE F609', quantity: 1, unit: 'unit' }],
        }),
      )
    },
    back: (reason: string) => moveBack(d, a, { registrationId: id, reason }),
  }
  const command = (kind: string, payload: Record<string, unknown>, at = uuid()): FieldCommand => ({
    id: at,
    kind,
    payload: { registrationId: id, ...payload },
    at: '2026-12-17T10:00:00+07:00',
  })
  const survey = (patch: Record<string, unknown> = {}) =>
    command('survey.report', {
      topology: 'ODP-07 → tiang 3 → rumah, 120 m',
      photos: [pngUpload()],
      decision: 'layak',
      ...patch,
    })
  const install = () =>
    command('installation.report', {
      onuSerial: 'ZTEGC8A1B2C3',
      rxPower: -19.5,
      cableLength: 118,
      photos: [pngUpload()],
    })
  const bast = (restrict = false) =>
    command('bast.sign', {
      customerSignature: pngUpload(),
      technicianSignature: pngUpload(),
      customerSignerName: 'Gilang Anugrah',
      technicianSignerName: 'Teknisi Andi',
      restrictBeforePayment: restrict,
    })
  const sync = (commands: FieldCommand[], who = andi) => syncFieldCommands(d, who, commands)
  const card = () =>
    f.db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const events = async (kind: string) =>
    (
      await f.db
        .selectFrom('registration_events')
        .select('id')
        .where('registration_id', '=', id)
        .where('kind', '=', kind)
        .execute()
    ).length
  return { ...f, id, andi, joni, office, survey, install, bast, sync, card, events }
}

describe('survey, installation and BAST from the technician phone', () => {
  it('lists the survey and the installation assigned to me, with contacts, map and schedule', async () => {
    const f = await fixture()
    expect(await fieldTasks(f.deps, f.andi)).toEqual([])
    await f.office.survey()
    const [survey] = await fieldTasks(f.deps, f.andi)
    expect(survey).toMatchObject({
      kind: 'survey',
      key: `survey:${f.id}`,
      dueToday: true,
      customer: {
        name: 'Gilang Anugrah',
        phone: '6281311112222',
        address: 'Jl. Mawar 5, Cibinong',
        mapUrl: 'https://maps.google.com/?q=-6.48,106.85',
      },
      visit: { registrationId: f.id, step: 'survei', date: '2026-12-17', time: '09:30' },
    })
    expect(await fieldTasks(f.deps, f.joni)).toEqual([])

    expect((await f.sync([f.survey()]))[0]).toMatchObject({ status: 'applied' })
    await f.office.toInstallation()
    const [installation] = await fieldTasks(f.deps, f.andi)
    expect(installation).toMatchObject({
      kind: 'installation',
      dueToday: false,
      visit: {
        step: 'instalasi',
        date: '2026-12-18',
        time: '10:00',
        fee: 250_000,
        items: [{ name: 'ONT ZTE F609', quantity: 1, unit: 'unit' }],
      },
    })
  })

  it('a survey report sent twice applies once and moves the card to Akun', async () => {
    const f = await fixture()
    await f.office.survey()
    const report = f.survey()
    const [first] = await f.sync([report])
    expect(first).toMatchObject({
      status: 'applied',
      result: { registrationId: f.id, step: 'akun', registrationStatus: 'berjalan' },
    })
    const [again] = await f.sync([report])
    expect(again).toMatchObject({ status: 'duplicate', original: 'applied' })
    expect(await f.events('survey_report')).toBe(1)
    expect(await f.card()).toMatchObject({
      step: 'akun',
      survey_decision: 'layak',
      survey_topology: 'ODP-07 → tiang 3 → rumah, 120 m',
    })
    const photos = await f.db
      .selectFrom('registration_files')
      .select('kind')
      .where('registration_id', '=', f.id)
      .execute()
    expect(photos).toEqual([{ kind: 'survey_photo' }])
    // field_commands keeps the report, not the photo's bytes (they are in the file store).
    const kept = await f.db
      .selectFrom('field_commands')
      .select('payload')
      .where('uuid', '=', report.id)
      .executeTakeFirstOrThrow()
    const payload = JSON.parse(kept.payload) as { topology: string; photos: { data: string }[] }
    expect(payload.topology).toBe('ODP-07 → tiang 3 → rumah, 120 m')
    expect(payload.photos[0]!.data).toMatch(/^\[\d+ karakter\]$/)
  })

  it('only the technician of that survey may report it; a moved card is the board refusal', async () => {
    const f = await fixture()
    await f.office.survey()
    const [notMine] = await f.sync([f.survey()], f.joni)
    expect(notMine).toMatchObject({ status: 'conflict', code: 'FIELD_REGISTRATION_NOT_ASSIGNED' })
    expect(notMine!.reason).toContain('Survei pelanggan Gilang Anugrah tidak (lagi) ditugaskan')
    expect((await f.card()).step).toBe('survei')

    // The office moved the card back to Registrasi meanwhile: the phone's report is refused.
    await f.office.back('Jadwal survei diulang')
    const [moved] = await f.sync([f.survey()])
    expect(moved).toMatchObject({ status: 'conflict', code: 'REGISTRATION_STEP_REFUSED' })
    expect(moved!.reason).toContain('langkah "Registrasi"')
    expect(await f.events('survey_report')).toBe(0)
  })

  it('tidak layak ends the card; a later report is REGISTRATION_CLOSED', async () => {
    const f = await fixture()
    await f.office.survey()
    const [no] = await f.sync([f.survey({ decision: 'tidak_layak', reason: 'Tidak ada ODP' })])
    expect(no).toMatchObject({ status: 'applied', result: { registrationStatus: 'ditolak' } })
    const [late] = await f.sync([f.survey()])
    expect(late).toMatchObject({ status: 'conflict', code: 'REGISTRATION_CLOSED' })
  })

  it('installation report and BAST from the phone: once each, the service activated after commit', async () => {
    const f = await fixture()
    await f.office.survey()
    await f.sync([f.survey()])
    await f.office.toInstallation()

    const [wrong] = await f.sync([f.install()], f.joni)
    expect(wrong).toMatchObject({ status: 'conflict', code: 'FIELD_REGISTRATION_NOT_ASSIGNED' })
    // The BAST before the report: the card is still at Instalasi.
    const [early] = await f.sync([f.bast()])
    expect(early).toMatchObject({ status: 'conflict', code: 'REGISTRATION_STEP_REFUSED' })

    const report = f.install()
    expect((await f.sync([report]))[0]).toMatchObject({
      status: 'applied',
      result: { step: 'finalisasi' },
    })
    expect((await f.sync([report]))[0]).toMatchObject({ status: 'duplicate', original: 'applied' })
    expect(await f.events('installation_report')).toBe(1)
    expect(await f.card()).toMatchObject({ onu_serial: 'ZTEGC8A1B2C3', rx_power: -19.5 })

    const sign = f.bast(true)
    const [signed] = await f.sync([sign])
    expect(signed).toMatchObject({
      status: 'applied',
      result: { registrationStatus: 'aktif', restrictBeforePayment: true },
    })
    const [twice] = await f.sync([sign])
    expect(twice).toMatchObject({ status: 'duplicate', original: 'applied' })
    expect(await f.events('bast_signed')).toBe(1)
    const card = await f.card()
    expect(card).toMatchObject({ status: 'aktif', restrict_before_payment: 1 })
    // After the commit: the first invoice and the BAST PDF, as from the board.
    expect(card.first_invoice_id).not.toBeNull()
    const service = await f.db
      .selectFrom('services')
      .select('status')
      .where('id', '=', card.service_id!)
      .executeTakeFirstOrThrow()
    expect(service.status).toBe('isolir')
    const pdfs = await f.db
      .selectFrom('registration_files')
      .select('kind')
      .where('registration_id', '=', f.id)
      .where('kind', '=', 'bast')
      .execute()
    expect(pdfs).toHaveLength(1)
    // A card finished meanwhile refuses a second signing sent with a new UUID.
    const [closed] = await f.sync([f.bast()])
    expect(closed).toMatchObject({ status: 'conflict', code: 'REGISTRATION_CLOSED' })
  })
})
