import type { Kysely, Selectable, Updateable } from 'kysely'
import { dateInZone } from '@shared/dates'
import { renderTemplate } from '@shared/messaging'
import { AppError } from '@shared/errors'
import { pppoeUsername, formatCode } from '@shared/codes'
import {
  MAX_REPORT_PHOTO_BYTES,
  MAX_SIGNATURE_BYTES,
  previousStep,
  type RegistrationEventKind,
  type RegistrationStep,
} from '@shared/registrations'
import type {
  ImageUpload,
  InstallationReportInput,
  InstallationScheduleInput,
  RegistrationAccountInput,
  RegistrationBackInput,
  RegistrationOpenInput,
  RegistrationProductInput,
  SurveyReportInput,
  SurveyScheduleInput,
} from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { companyTimeZone } from '../companies'
import { insertService, randomPassword } from '../customers'
import { nextNumber, takeTurn, writeTx, type Database, type RegistrationsTable } from '../db'
import { queueServiceSync } from '../device-jobs'
import type { FileStore } from '../files'
import { customerTemplateValues } from '../collections'
import { loadTemplate, queueMessages, type MessagingDeps } from '../messaging'
import { openLogin, sealLogin } from '../secrets'
import { getCustomerSettings } from '../settings'
import { requestInstallationItems } from './warehouse-request'

export type RegistrationActor = Actor & { companyId: number }

/** What the workflow needs: the core, messaging (welcome, tidak layak), files, the router worker. */
export interface RegistrationDeps extends MessagingDeps {
  files: FileStore
  onDeviceJobs?: () => void
}

export type RegistrationRow = Selectable<RegistrationsTable>

export interface RegistrationMove {
  id: number
  step: RegistrationStep
  status: string
}

export const STEP_WORDS: Record<RegistrationStep, string> = {
  registrasi: 'Registrasi',
  survei: 'Survei',
  akun: 'Akun',
  produk: 'Produk',
  instalasi: 'Instalasi',
  finalisasi: 'Finalisasi',
}

/** The card, locked for this transaction (PostgreSQL: one decision on a card at a time). */
export async function loadCard(
  tx: Kysely<Database>,
  companyId: number,
  id: number,
): Promise<RegistrationRow> {
  await takeTurn(tx, `registration:${id}`)
  const card = await tx
    .selectFrom('registrations')
    .selectAll()
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!card) throw new AppError('NOT_FOUND', 'registration')
  return card
}

/** A form belongs to one step: the card must be open and standing at it (no skipping). */
export function assertAt(card: RegistrationRow, step: RegistrationStep) {
  if (card.status !== 'berjalan') throw new AppError('REGISTRATION_CLOSED')
  if (card.step !== step)
    throw new AppError('REGISTRATION_STEP_REFUSED', `card at ${card.step}, form of ${step}`, {
      step: card.step,
      wanted: step,
      stepWords: STEP_WORDS[card.step as RegistrationStep] ?? card.step,
      wantedWords: STEP_WORDS[step],
    })
}

export async function addEvent(
  tx: Kysely<Database>,
  actor: RegistrationActor,
  at: string,
  e: {
    registrationId: number
    kind: RegistrationEventKind
    from?: string | null
    to?: string | null
    note?: string | null
  },
) {
  await tx
    .insertInto('registration_events')
    .values({
      registration_id: e.registrationId,
      kind: e.kind,
      from_step: e.from ?? null,
      to_step: e.to ?? null,
      note: e.note ?? null,
      user_id: actor.userId,
      username: actor.username,
      at,
    })
    .execute()
}

/** A user named on a form (PIC, technician) must be an active user of this company. */
async function assertUser(tx: Kysely<Database>, companyId: number, id: number | null) {
  if (id === null) return
  const user = await tx
    .selectFrom('users')
    .select('id')
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .where('active', '=', 1)
    .executeTakeFirst()
  if (!user) throw new AppError('NOT_FOUND', 'user')
}

/** Saves a step's form and, when `to` is given, moves the card there; both recorded. */
async function save(
  tx: Kysely<Database>,
  deps: RegistrationDeps,
  actor: RegistrationActor,
  card: RegistrationRow,
  kind: RegistrationEventKind,
  set: Updateable<RegistrationsTable>,
  o: { to?: RegistrationStep | null; note?: string | null } = {},
) {
  const at = deps.clock.now().toISOString()
  await tx
    .updateTable('registrations')
    .set({ ...set, ...(o.to ? { step: o.to } : {}), updated_at: at })
    .where('id', '=', card.id)
    .execute()
  await addEvent(tx, actor, at, {
    registrationId: card.id,
    kind,
    from: card.step,
    to: o.to ?? card.step,
    note: o.note ?? null,
  })
  await appendAudit(tx, deps.clock, actor, {
    action: 'registrations.step',
    entityType: 'registration',
    entityId: card.id,
    before: { step: card.step },
    after: { kind, step: o.to ?? card.step },
  })
  return at
}

const PNG = '89504e470d0a1a0a'

/** Decodes a picture sent as base64 and checks its bytes are what it claims, within the limit. */
export function decodeImage(
  image: ImageUpload,
  o: { signature: boolean },
): { mime: string; data: Buffer } {
  const data = Buffer.from(image.data.replace(/\s/g, ''), 'base64')
  const limit = o.signature ? MAX_SIGNATURE_BYTES : MAX_REPORT_PHOTO_BYTES
  const bad = (problem: string) => new AppError('REGISTRATION_FILE_INVALID', problem, { problem })
  if (o.signature && image.mime !== 'image/png') throw bad('tanda tangan harus PNG')
  if (data.length < 8) throw bad('berkas kosong')
  if (data.length > limit) throw bad('berkas terlalu besar')
  const head = data.subarray(0, 8).toString('hex')
  const ok =
    image.mime === 'image/png'
      ? head === PNG
      : image.mime === 'image/jpeg'
        ? head.startsWith('ffd8ff')
        : head.startsWith('52494646') && data.subarray(8, 12).toString('latin1') === 'WEBP'
  if (!ok) throw bad('isi berkas bukan gambar yang disebutkan')
  return { mime: image.mime, data }
}

/** Stores pictures in the data directory's file store and lists them on the card. */
export async function storeFiles(
  deps: RegistrationDeps,
  actor: RegistrationActor,
  registrationId: number,
  kind: string,
  images: { mime: string; data: Buffer }[],
) {
  // Stored before the rows that point at them: an orphan file is harmless, a dangling row is not.
  const stored: { mime: string; data: Buffer; sha256: string; kind: string }[] = []
  for (const image of images)
    stored.push({ ...image, sha256: await deps.files.put(image.data), kind })
  return async (tx: Kysely<Database>) => {
    const at = deps.clock.now().toISOString()
    for (const f of stored)
      await tx
        .insertInto('registration_files')
        .values({
          registration_id: registrationId,
          kind: f.kind,
          mime: f.mime,
          size: f.data.length,
          sha256: f.sha256,
          user_id: actor.userId,
          at,
        })
        .execute()
  }
}

/**
 * Step 1: a card for a customer registered today (the customer record with its KTP, in status
 * registrasi). One open card per customer.
 */
export async function openRegistration(
  deps: Pick<RegistrationDeps, 'db' | 'clock'>,
  actor: RegistrationActor,
  input: RegistrationOpenInput,
  /** The caller's transaction (the portal's Daftar creates the customer in the same one). */
  within?: Kysely<Database>,
): Promise<RegistrationMove> {
  const inTx = <T>(fn: (tx: Kysely<Database>) => Promise<T>) =>
    within ? fn(within) : writeTx(deps.db, fn)
  return inTx(async (tx) => {
    await takeTurn(tx, `registration-customer:${input.customerId}`)
    const customer = await tx
      .selectFrom('customers')
      .select(['id', 'code', 'name'])
      .where('id', '=', input.customerId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!customer) throw new AppError('NOT_FOUND', 'customer')
    const open = await tx
      .selectFrom('registrations')
      .select('id')
      .where('customer_id', '=', customer.id)
      .where('status', '=', 'berjalan')
      .executeTakeFirst()
    if (open) throw new AppError('REGISTRATION_OPEN_EXISTS', undefined, { id: open.id })
    const at = deps.clock.now().toISOString()
    const { id } = await tx
      .insertInto('registrations')
      .values({
        company_id: actor.companyId,
        customer_id: customer.id,
        service_id: null,
        step: 'registrasi',
        status: 'berjalan',
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await addEvent(tx, actor, at, { registrationId: id, kind: 'created', to: 'registrasi' })
    await appendAudit(tx, deps.clock, actor, {
      action: 'registrations.create',
      entityType: 'registration',
      entityId: id,
      after: { customer: customer.code, name: customer.name },
    })
    return { id, step: 'registrasi' as const, status: 'berjalan' }
  })
}

/** Step 2, first half: priority, the visit and who goes (Registrasi → Survei). */
export async function scheduleSurvey(
  deps: RegistrationDeps,
  actor: RegistrationActor,
  input: SurveyScheduleInput,
): Promise<RegistrationMove> {
  return writeTx(deps.db, async (tx) => {
    const card = await loadCard(tx, actor.companyId, input.registrationId)
    assertAt(card, 'registrasi')
    await assertUser(tx, actor.companyId, input.picId)
    await assertUser(tx, actor.companyId, input.technicianId)
    await save(
      tx,
      deps,
      actor,
      card,
      'survey_scheduled',
      {
        survey_priority: input.priority,
        survey_date: input.date,
        survey_time: input.time,
        survey_pic_id: input.picId,
        survey_technician_id: input.technicianId,
      },
      { to: 'survei' },
    )
    return { id: card.id, step: 'survei' as const, status: 'berjalan' }
  })
}

/**
 * Step 2, the report (also `survey.report` from the technician's phone): topology, notes,
 * photos and the decision. Layak moves the card to Akun; tidak layak ends it with the reason
 * and, when asked, tells the customer (their opt-out respected by the outbox).
 * `within`: run inside the caller's transaction (the phone's command, applied once per UUID).
 */
export async function saveSurveyReport(
  deps: RegistrationDeps,
  actor: RegistrationActor,
  input: SurveyReportInput,
  within?: Kysely<Database>,
): Promise<RegistrationMove & { messages: number }> {
  const images = input.photos.map((p) => decodeImage(p, { signature: false }))
  const writeFiles = await storeFiles(deps, actor, input.registrationId, 'survey_photo', images)
  const inTx = (fn: (tx: Kysely<Database>) => Promise<RegistrationMove & { messages: number }>) =>
    within ? fn(within) : writeTx(deps.db, fn)
  return inTx(async (tx) => {
    const card = await loadCard(tx, actor.companyId, input.registrationId)
    assertAt(card, 'survei')
    if (!card.survey_date)
      throw new AppError('REGISTRATION_STEP_REFUSED', 'survey not scheduled', {
        step: card.step,
        wanted: 'survei',
        stepWords: STEP_WORDS.registrasi,
        wantedWords: STEP_WORDS.survei,
      })
    await writeFiles(tx)
    const report = {
      survey_topology: input.topology,
      survey_notes: input.notes,
      survey_decision: input.decision,
      survey_reason: input.reason,
    }
    if (input.decision === 'layak') {
      await save(tx, deps, actor, card, 'survey_report', report, { to: 'akun' })
      return { id: card.id, step: 'akun' as const, status: 'berjalan', messages: 0 }
    }
    const at = deps.clock.now().toISOString()
    await tx
      .updateTable('registrations')
      .set({
        ...report,
        status: 'ditolak',
        ended_reason: input.reason,
        finished_at: at,
        updated_at: at,
      })
      .where('id', '=', card.id)
      .execute()
    await addEvent(tx, actor, at, {
      registrationId: card.id,
      kind: 'rejected',
      from: card.step,
      to: card.step,
      note: input.reason,
    })
    await appendAudit(tx, deps.clock, actor, {
      action: 'registrations.reject',
      entityType: 'registration',
      entityId: card.id,
      after: { reason: input.reason },
    })
    let messages = 0
    if (input.notifyCustomer)
      messages = await queueNotFeasible(tx, deps, actor, card, input.reason!)
    // Inside a caller's transaction (the phone's command) the caller wakes the sender on commit.
    if (messages > 0 && !within) deps.onMessages?.()
    return { id: card.id, step: 'survei' as const, status: 'ditolak', messages }
  })
}

async function queueNotFeasible(
  tx: Kysely<Database>,
  deps: RegistrationDeps,
  actor: RegistrationActor,
  card: RegistrationRow,
  reason: string,
): Promise<number> {
  // The company's own "survei tidak layak" template (Pesan → Template), like every other message.
  const customer = await tx
    .selectFrom('customers')
    .select(['id', 'phone', 'whatsapp', 'email', 'messages_opt_out'])
    .where('id', '=', card.customer_id)
    .executeTakeFirstOrThrow()
  const now = deps.clock.now()
  const [tpl, values] = await Promise.all([
    loadTemplate(tx, actor.companyId, 'survey_rejected'),
    // Read in this transaction: the database's one connection is held by it (SQLite).
    tx
      .selectFrom('companies')
      .select('time_zone')
      .where('id', '=', actor.companyId)
      .executeTakeFirstOrThrow()
      .then(({ time_zone }) =>
        customerTemplateValues(tx, actor.companyId, customer.id, dateInZone(now, time_zone)),
      ),
  ])
  const filled = { ...values, alasan: reason }
  const result = await queueMessages(
    tx,
    { companyId: actor.companyId, at: now.toISOString(), createdBy: actor.username },
    [
      {
        customerId: customer.id,
        contact: {
          phone: customer.phone,
          whatsapp: customer.whatsapp,
          email: customer.email,
          optOut: customer.messages_opt_out === 1,
        },
        kind: 'survey_rejected',
        subject: renderTemplate(tpl.subject, filled),
        body: renderTemplate(tpl.body, filled),
        dedupeKey: `registration_rejected:${card.id}`,
        refType: 'registration',
        refId: card.id,
      },
    ],
  )
  return result.queued
}

/**
 * Step 3 (Akun → Produk): the login made by the company's rule (Pengaturan → Pelanggan: the
 * username rule from {kode}/{nama}/{sid} and the password length), unless typed in; the
 * customer's category and area. A rule using {sid} takes the service's SID here.
 */
export async function saveAccount(
  deps: RegistrationDeps,
  actor: RegistrationActor,
  input: RegistrationAccountInput,
): Promise<RegistrationMove & { username: string }> {
  return writeTx(deps.db, async (tx) => {
    const card = await loadCard(tx, actor.companyId, input.registrationId)
    assertAt(card, 'akun')
    const area = await tx
      .selectFrom('areas')
      .select('id')
      .where('id', '=', input.areaId)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!area) throw new AppError('NOT_FOUND', 'area')
    const customer = await tx
      .selectFrom('customers')
      .select(['id', 'code', 'name'])
      .where('id', '=', card.customer_id)
      .executeTakeFirstOrThrow()
    const settings = await getCustomerSettings(tx, actor.companyId)
    let sid = card.sid
    if (!sid && !input.username && settings.pppoeUsernameRule.includes('{sid}'))
      sid = formatCode(settings.sidPattern, { n: await nextNumber(tx, actor.companyId, 'sid') })
    const username =
      input.username ??
      pppoeUsername(settings.pppoeUsernameRule, {
        code: customer.code,
        name: customer.name,
        sid: sid ?? '',
      })
    const password = input.password ?? randomPassword(settings.pppoePasswordLength)
    await tx
      .updateTable('customers')
      .set({
        category: input.category,
        area_id: input.areaId,
        updated_at: deps.clock.now().toISOString(),
      })
      .where('id', '=', customer.id)
      .execute()
    await save(
      tx,
      deps,
      actor,
      card,
      'account',
      { sid, account_username: username, account_password: sealLogin(deps.secrets, password) },
      { to: 'produk' },
    )
    return { id: card.id, step: 'produk' as const, status: 'berjalan', username }
  })
}

/**
 * Step 4 (Produk → Instalasi): the service is created (status instalasi) with its package,
 * activation date, billing schedule, POP and login (the Akun step's, unless changed here); its
 * router is the POP's. Back at this step later, the same service is updated instead.
 */
export async function saveProduct(
  deps: RegistrationDeps,
  actor: RegistrationActor,
  input: RegistrationProductInput,
): Promise<RegistrationMove & { serviceId: number; sid: string }> {
  const timeZone = await companyTimeZone(deps, actor.companyId)
  return writeTx(deps.db, async (tx) => {
    const card = await loadCard(tx, actor.companyId, input.registrationId)
    assertAt(card, 'produk')
    const username = input.pppoeUsername ?? card.account_username
    const password = input.pppoePassword ?? openLogin(deps.secrets, card.account_password)
    const today = dateInZone(deps.clock.now(), timeZone)
    let service: { id: number; sid: string }
    if (card.service_id === null) {
      service = await insertService(
        tx,
        deps,
        actor,
        {
          customerId: card.customer_id,
          productId: input.productId,
          status: 'instalasi',
          activationDate: input.activationDate,
          billingSchedule: input.billingSchedule,
          priceOverride: null,
          priceReason: null,
          installationAddress: null,
          pppoeUsername: username,
          pppoePassword: password,
          staticIp: null,
          popId: input.popId,
          routerId: null,
          notes: null,
        },
        today,
        card.sid ?? undefined,
      )
    } else {
      const product = await tx
        .selectFrom('products')
        .select('id')
        .where('id', '=', input.productId)
        .where('company_id', '=', actor.companyId)
        .executeTakeFirst()
      if (!product) throw new AppError('NOT_FOUND', 'product')
      const row = await tx
        .updateTable('services')
        .set({
          product_id: input.productId,
          activation_date: input.activationDate,
          billing_day: input.billingSchedule.kind === 'fixed' ? input.billingSchedule.day : null,
          pop_id: input.popId,
          pppoe_username: username,
          pppoe_password: sealLogin(deps.secrets, password),
          updated_at: deps.clock.now().toISOString(),
        })
        .where('id', '=', card.service_id)
        .returning(['id', 'sid', 'company_id', 'router_id'])
        .executeTakeFirstOrThrow()
      await queueServiceSync(
        tx,
        row,
        { reason: 'registrations.product', by: actor.username },
        deps.clock.now(),
      )
      service = row
    }
    await save(
      tx,
      deps,
      actor,
      card,
      'product',
      {
        service_id: service.id,
        tax_type: input.taxType,
        download_kbps: input.downloadKbps,
        upload_kbps: input.uploadKbps,
        account_username: username,
        account_password: sealLogin(deps.secrets, password),
      },
      { to: 'instalasi' },
    )
    return {
      id: card.id,
      step: 'instalasi' as const,
      status: 'berjalan',
      serviceId: service.id,
      sid: service.sid,
    }
  })
}

/** Step 5, first half: the visit, the fee, who goes and the items asked from the warehouse. */
export async function scheduleInstallation(
  deps: RegistrationDeps,
  actor: RegistrationActor,
  input: InstallationScheduleInput,
): Promise<RegistrationMove> {
  return writeTx(deps.db, async (tx) => {
    const card = await loadCard(tx, actor.companyId, input.registrationId)
    assertAt(card, 'instalasi')
    await assertUser(tx, actor.companyId, input.picId)
    await assertUser(tx, actor.companyId, input.technicianId)
    await save(tx, deps, actor, card, 'installation_scheduled', {
      install_date: input.date,
      install_time: input.time,
      install_fee: input.fee,
      install_pic_id: input.picId,
      install_technician_id: input.technicianId,
      install_warehouse: input.warehouse,
      install_items_json: JSON.stringify(input.items),
    })
    // The items go to Gudang → Permintaan in this same transaction (matched by name there).
    await requestInstallationItems(
      tx,
      deps,
      actor,
      card,
      input.warehouse,
      input.technicianId,
      input.items,
    )
    return { id: card.id, step: 'instalasi' as const, status: 'berjalan' }
  })
}

/**
 * Step 5, the report (also `installation.report` from the technician's phone): ONU serial, RX
 * power, cable length, notes and photos (Instalasi → Finalisasi). The visit must be scheduled.
 * `within`: run inside the caller's transaction (the phone's command, applied once per UUID).
 */
export async function saveInstallationReport(
  deps: RegistrationDeps,
  actor: RegistrationActor,
  input: InstallationReportInput,
  within?: Kysely<Database>,
): Promise<RegistrationMove> {
  const images = input.photos.map((p) => decodeImage(p, { signature: false }))
  const writeFiles = await storeFiles(deps, actor, input.registrationId, 'install_photo', images)
  const inTx = (fn: (tx: Kysely<Database>) => Promise<RegistrationMove>) =>
    within ? fn(within) : writeTx(deps.db, fn)
  return inTx(async (tx) => {
    const card = await loadCard(tx, actor.companyId, input.registrationId)
    assertAt(card, 'instalasi')
    if (!card.install_date)
      throw new AppError('REGISTRATION_STEP_REFUSED', 'installation not scheduled', {
        step: card.step,
        wanted: 'instalasi',
        stepWords: STEP_WORDS.produk,
        wantedWords: STEP_WORDS.instalasi,
      })
    await writeFiles(tx)
    await save(
      tx,
      deps,
      actor,
      card,
      'installation_report',
      {
        onu_serial: input.onuSerial,
        rx_power: input.rxPower,
        cable_length: input.cableLength,
        install_notes: input.notes,
      },
      { to: 'finalisasi' },
    )
    return { id: card.id, step: 'finalisasi' as const, status: 'berjalan' }
  })
}

/**
 * Back one step with a reason (a wrong package, a survey to redo). What the forms recorded
 * stays and is offered again; a finished card does not move.
 */
export async function moveBack(
  deps: RegistrationDeps,
  actor: RegistrationActor,
  input: RegistrationBackInput,
): Promise<RegistrationMove> {
  return writeTx(deps.db, async (tx) => {
    const card = await loadCard(tx, actor.companyId, input.registrationId)
    if (card.status !== 'berjalan') throw new AppError('REGISTRATION_CLOSED')
    const to = previousStep(card.step as RegistrationStep)
    if (!to)
      throw new AppError('REGISTRATION_STEP_REFUSED', 'first step', {
        step: card.step,
        wanted: card.step,
        stepWords: STEP_WORDS.registrasi,
        wantedWords: STEP_WORDS.registrasi,
      })
    const at = deps.clock.now().toISOString()
    await tx
      .updateTable('registrations')
      .set({ step: to, updated_at: at })
      .where('id', '=', card.id)
      .execute()
    await addEvent(tx, actor, at, {
      registrationId: card.id,
      kind: 'back',
      from: card.step,
      to,
      note: input.reason,
    })
    await appendAudit(tx, deps.clock, actor, {
      action: 'registrations.back',
      entityType: 'registration',
      entityId: card.id,
      before: { step: card.step },
      after: { step: to, reason: input.reason },
    })
    return { id: card.id, step: to, status: 'berjalan' }
  })
}
