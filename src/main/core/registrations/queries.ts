import { AppError } from '@shared/errors'
import type { RegistrationStatus, RegistrationStep } from '@shared/registrations'
import type { Db } from '../db'
import { openLogin, type SecretBox } from '../secrets'

export interface RegistrationEventView {
  kind: string
  fromStep: string | null
  toStep: string | null
  note: string | null
  username: string | null
  at: string
}

export interface RegistrationCard {
  id: number
  step: RegistrationStep
  status: RegistrationStatus
  customerId: number
  customerCode: string
  customerName: string
  customerPhone: string | null
  address: string
  serviceId: number | null
  sid: string | null
  surveyPriority: string | null
  /** Instalasi: the visit is scheduled, so the next form is the report. */
  installScheduled: boolean
  createdAt: string
  updatedAt: string
  endedReason: string | null
  /** The last thing done on the card: who, what, when. */
  last: RegistrationEventView | null
  /** Per step, who moved the card into it and when (the latest time). */
  steps: Partial<Record<RegistrationStep, { username: string | null; at: string }>>
}

const EVENT_COLUMNS = [
  'registration_id',
  'kind',
  'from_step',
  'to_step',
  'note',
  'username',
  'at',
] as const

const view = (e: {
  kind: string
  from_step: string | null
  to_step: string | null
  note: string | null
  username: string | null
  at: string
}): RegistrationEventView => ({
  kind: e.kind,
  fromStep: e.from_step,
  toStep: e.to_step,
  note: e.note,
  username: e.username,
  at: e.at,
})

/** The board: open cards (and, on asking, finished ones), each with who did what and when. */
export async function listRegistrations(
  db: Db,
  companyId: number,
  filter: { status?: RegistrationStatus } = {},
): Promise<RegistrationCard[]> {
  const rows = await db
    .selectFrom('registrations as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .leftJoin('services as s', 's.id', 'r.service_id')
    .select([
      'r.id',
      'r.step',
      'r.status',
      'r.customer_id',
      'c.code',
      'c.name',
      'c.phone',
      'c.whatsapp',
      'c.address',
      'r.service_id',
      's.sid',
      'r.survey_priority',
      'r.install_date',
      'r.created_at',
      'r.updated_at',
      'r.ended_reason',
    ])
    .where('r.company_id', '=', companyId)
    .where('r.status', '=', filter.status ?? 'berjalan')
    .orderBy('r.updated_at', 'desc')
    .limit(500)
    .execute()
  const ids = rows.map((r) => r.id)
  const events = ids.length
    ? await db
        .selectFrom('registration_events')
        .select(EVENT_COLUMNS)
        .where('registration_id', 'in', ids)
        .orderBy('id')
        .execute()
    : []
  const byCard = new Map<number, typeof events>()
  for (const e of events) {
    const list = byCard.get(e.registration_id) ?? []
    list.push(e)
    byCard.set(e.registration_id, list)
  }
  return rows.map((r) => {
    const list = byCard.get(r.id) ?? []
    const steps: RegistrationCard['steps'] = {}
    for (const e of list)
      if (e.to_step && (e.kind === 'created' || e.to_step !== e.from_step))
        steps[e.to_step as RegistrationStep] = { username: e.username, at: e.at }
    const last = list.at(-1)
    return {
      id: r.id,
      step: r.step as RegistrationStep,
      status: r.status as RegistrationStatus,
      customerId: r.customer_id,
      customerCode: r.code,
      customerName: r.name,
      customerPhone: r.whatsapp ?? r.phone,
      address: r.address,
      serviceId: r.service_id,
      sid: r.sid,
      surveyPriority: r.survey_priority,
      installScheduled: r.install_date !== null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      endedReason: r.ended_reason,
      last: last ? view(last) : null,
      steps,
    }
  })
}

/** One card with everything its forms recorded, its history and its files (no file bytes). */
export async function getRegistration(
  deps: { db: Db; secrets: SecretBox },
  companyId: number,
  id: number,
) {
  const r = await deps.db
    .selectFrom('registrations')
    .selectAll()
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!r) throw new AppError('NOT_FOUND', 'registration')
  const [customer, service, events, files] = await Promise.all([
    deps.db
      .selectFrom('customers')
      .select([
        'id',
        'code',
        'name',
        'phone',
        'whatsapp',
        'email',
        'address',
        'nik',
        'latitude',
        'longitude',
        'marketer',
        'category',
        'area_id',
      ])
      .where('id', '=', r.customer_id)
      .executeTakeFirstOrThrow(),
    r.service_id === null
      ? null
      : deps.db
          .selectFrom('services as s')
          .innerJoin('products as p', 'p.id', 's.product_id')
          .select([
            's.id',
            's.sid',
            's.status',
            's.product_id',
            'p.name as product',
            's.activation_date',
            's.billing_day',
            's.pop_id',
            's.router_id',
            's.pppoe_username',
          ])
          .where('s.id', '=', r.service_id)
          .executeTakeFirst(),
    deps.db
      .selectFrom('registration_events')
      .select(EVENT_COLUMNS)
      .where('registration_id', '=', id)
      .orderBy('id')
      .execute(),
    deps.db
      .selectFrom('registration_files')
      .select(['id', 'kind', 'mime', 'size', 'at'])
      .where('registration_id', '=', id)
      .orderBy('id')
      .execute(),
  ])
  return {
    id: r.id,
    step: r.step as RegistrationStep,
    status: r.status as RegistrationStatus,
    customer,
    service: service ?? null,
    survey: {
      priority: r.survey_priority,
      date: r.survey_date,
      time: r.survey_time,
      picId: r.survey_pic_id,
      technicianId: r.survey_technician_id,
      topology: r.survey_topology,
      notes: r.survey_notes,
      decision: r.survey_decision,
      reason: r.survey_reason,
    },
    account: {
      username: r.account_username,
      // Shown to the staff working the card (they set the modem up with it), never logged.
      password: r.account_password ? openLogin(deps.secrets, r.account_password) : null,
    },
    product: { taxType: r.tax_type, downloadKbps: r.download_kbps, uploadKbps: r.upload_kbps },
    installation: {
      date: r.install_date,
      time: r.install_time,
      fee: r.install_fee,
      picId: r.install_pic_id,
      technicianId: r.install_technician_id,
      warehouse: r.install_warehouse,
      items: r.install_items_json
        ? (JSON.parse(r.install_items_json) as {
            name: string
            quantity: number
            unit: string | null
            notes: string | null
          }[])
        : [],
      onuSerial: r.onu_serial,
      rxPower: r.rx_power,
      cableLength: r.cable_length,
      notes: r.install_notes,
    },
    finalisation: {
      restrictBeforePayment: r.restrict_before_payment === 1,
      customerSigner: r.customer_signer,
      technicianSigner: r.technician_signer,
      signedAt: r.signed_at,
      firstInvoiceId: r.first_invoice_id,
    },
    endedReason: r.ended_reason,
    /** The installation's Gudang request (Gudang → Permintaan), when its items were asked. */
    stockRequest:
      (await deps.db
        .selectFrom('stock_requests')
        .select(['id', 'status'])
        .where('for_kind', '=', 'installation')
        .where('for_id', '=', r.id)
        .where('company_id', '=', r.company_id)
        .orderBy('id', 'desc')
        .executeTakeFirst()) ?? null,
    events: events.map(view),
    files,
  }
}
export type RegistrationDetail = Awaited<ReturnType<typeof getRegistration>>

/** A stored file of a card (photo, signature, the BAST PDF): its bytes' hash and type. */
export async function registrationFile(db: Db, companyId: number, fileId: number) {
  const f = await db
    .selectFrom('registration_files as f')
    .innerJoin('registrations as r', 'r.id', 'f.registration_id')
    .select(['f.id', 'f.kind', 'f.mime', 'f.sha256', 'r.id as registration_id'])
    .where('f.id', '=', fileId)
    .where('r.company_id', '=', companyId)
    .executeTakeFirst()
  if (!f) throw new AppError('NOT_FOUND', 'file')
  return f
}
