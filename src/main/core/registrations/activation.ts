import { dateInZone, type CalendarDate } from '@shared/dates'
import { AppError } from '@shared/errors'
import type { BastSignInput } from '@shared/schemas'
import { appendAudit } from '../audit'
import { companyHeader, planRun, writeInvoices } from '../billing'
import { queueWelcomeMessages } from '../collections'
import { companyTimeZone } from '../companies'
import { setServiceStatus } from '../customers'
import type { Kysely } from 'kysely'
import { writeTx, type Database } from '../db'
import type { JobCounts } from '../deps'
import { renderBastPdf } from '../documents'
import { getBillingSettings } from '../settings'
import {
  addEvent,
  assertAt,
  decodeImage,
  loadCard,
  storeFiles,
  type RegistrationActor,
  type RegistrationRow,
  type RegistrationDeps,
} from './registrations'

export interface Activation {
  id: number
  step: 'finalisasi'
  status: 'aktif'
  serviceId: number
  /** aktif, or isolir with "batasi koneksi sebelum pembayaran" (restored by the first payment). */
  serviceStatus: 'aktif' | 'isolir'
  /** The installation fee's one-time charge (joins the first invoice), if there was a fee. */
  chargeId: number | null
  /** The first (prorated) invoice, when the activation's period bills one. */
  invoiceId: number | null
  invoiceNumber: string | null
  welcome: JobCounts
  /** The signed BAST, kept in the data directory's file store (null: drawn on download). */
  bastSha256: string | null
}

const dmy = (date: string) => date.slice(0, 10).split('-').reverse().join('/')

/**
 * Step 6 (also `bast.sign` from the technician's phone): both signatures drawn on screen, the
 * switch "batasi koneksi sebelum pembayaran", and the activation in one go:
 * - the service goes aktif (or straight to isolir when restricted), which queues its router
 *   provisioning on the durable device queue (service.sync: the router follows the service);
 * - the installation fee becomes a one-time charge and the first invoice is billed at once for
 *   the activation's period, prorated by the company's policy, with the fee on it;
 * - the welcome message goes out once per customer (dedupe `welcome:<customer>`);
 * - the BAST PDF with both signatures is made and kept.
 * A restricted service is restored by the customer's first payment (afterPayment's restore:
 * every isolated service of a customer who has nothing overdue comes back).
 */
export async function signBast(
  deps: RegistrationDeps,
  actor: RegistrationActor,
  input: BastSignInput,
): Promise<Activation> {
  const bast = await prepareBast(deps, actor, input)
  const done = await writeTx(deps.db, bast.sign)
  return bast.afterCommit(done)
}

/** What the signing's transaction decided, for the steps after its commit. */
export interface BastSigned {
  card: RegistrationRow
  serviceId: number
  customerId: number
  chargeId: number | null
}

/**
 * signBast in two halves, for a caller with a transaction of its own (`bast.sign` from the
 * technician's phone, applied once per UUID): `sign(tx)` is the activation inside that
 * transaction; `afterCommit(signed)` (router wake-up, first invoice, welcome, the BAST PDF) must
 * run only once it has committed.
 */
export async function prepareBast(
  deps: RegistrationDeps,
  actor: RegistrationActor,
  input: BastSignInput,
  /** The company's time zone when the caller knows it (inside a transaction: no second read). */
  zone?: string,
): Promise<{
  sign: (tx: Kysely<Database>) => Promise<BastSigned>
  afterCommit: (signed: BastSigned) => Promise<Activation>
}> {
  const customerSignature = decodeImage(input.customerSignature, { signature: true })
  const technicianSignature = decodeImage(input.technicianSignature, { signature: true })
  const timeZone = zone ?? (await companyTimeZone(deps, actor.companyId))
  const today = dateInZone(deps.clock.now(), timeZone)
  const writeCustomer = await storeFiles(deps, actor, input.registrationId, 'signature_customer', [
    customerSignature,
  ])
  const writeTechnician = await storeFiles(
    deps,
    actor,
    input.registrationId,
    'signature_technician',
    [technicianSignature],
  )
  const to = input.restrictBeforePayment ? ('isolir' as const) : ('aktif' as const)

  const sign = async (tx: Kysely<Database>): Promise<BastSigned> => {
    const card = await loadCard(tx, actor.companyId, input.registrationId)
    assertAt(card, 'finalisasi')
    if (card.service_id === null) throw new AppError('NOT_FOUND', 'service')
    await writeCustomer(tx)
    await writeTechnician(tx)
    const service = await tx
      .selectFrom('services')
      .select(['id', 'customer_id', 'status'])
      .where('id', '=', card.service_id)
      .executeTakeFirstOrThrow()
    const at = deps.clock.now().toISOString()
    let chargeId: number | null = null
    if ((card.install_fee ?? 0) > 0) {
      chargeId = (
        await tx
          .insertInto('one_time_charges')
          .values({
            company_id: actor.companyId,
            customer_id: service.customer_id,
            service_id: service.id,
            description: 'Biaya instalasi',
            amount: card.install_fee!,
            charge_date: today,
            status: 'pending',
            invoice_id: null,
            created_by: actor.username,
            created_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    }
    await setServiceStatus(
      tx,
      deps,
      actor,
      {
        serviceId: service.id,
        status: to,
        reason: input.restrictBeforePayment
          ? 'Aktivasi registrasi: koneksi dibatasi sebelum pembayaran'
          : 'Aktivasi registrasi (BAST ditandatangani)',
      },
      today,
    )
    await tx
      .updateTable('registrations')
      .set({
        status: 'aktif',
        restrict_before_payment: input.restrictBeforePayment ? 1 : 0,
        customer_signer: input.customerSignerName,
        technician_signer: input.technicianSignerName,
        signed_at: at,
        charge_id: chargeId,
        finished_at: at,
        updated_at: at,
      })
      .where('id', '=', card.id)
      .execute()
    await addEvent(tx, actor, at, {
      registrationId: card.id,
      kind: 'bast_signed',
      from: 'finalisasi',
      to: 'finalisasi',
      note: `${input.customerSignerName} / ${input.technicianSignerName}`,
    })
    await addEvent(tx, actor, at, {
      registrationId: card.id,
      kind: 'activated',
      from: 'finalisasi',
      to: 'finalisasi',
      note: input.restrictBeforePayment ? 'dibatasi sebelum pembayaran' : null,
    })
    await appendAudit(tx, deps.clock, actor, {
      action: 'registrations.activate',
      entityType: 'registration',
      entityId: card.id,
      after: {
        service_id: service.id,
        status: to,
        restrict_before_payment: input.restrictBeforePayment,
        installation_fee: card.install_fee ?? 0,
      },
    })
    return { card, serviceId: service.id, customerId: service.customer_id, chargeId }
  }

  const afterCommit = async (done: BastSigned): Promise<Activation> => {
    deps.onDeviceJobs?.()

    // The activation stands whatever happens next: a first invoice that could not be written is
    // billed by the next run (the fee waits as a pending charge), a welcome can be sent by hand,
    // and the BAST is drawn again from the stored signatures on download.
    const later = async <T>(what: string, work: () => Promise<T>): Promise<T | null> => {
      try {
        return await work()
      } catch (error) {
        console.error(`registration ${done.card.id} ${what}:`, error)
        return null
      }
    }
    const invoice = await later('first invoice', async () => {
      const row = await billFirstInvoice(deps, actor, done.customerId, done.serviceId, today)
      if (row)
        await deps.db
          .updateTable('registrations')
          .set({ first_invoice_id: row.id })
          .where('id', '=', done.card.id)
          .execute()
      return row
    })
    const welcome = (await later('welcome', () =>
      queueWelcomeMessages(deps, actor, [done.serviceId], timeZone, {
        includeIsolated: input.restrictBeforePayment,
      }),
    )) ?? { failed: 1 }
    const bastSha256 = await later('BAST', async () => {
      const bast = await bastPdf(deps, actor, done.card.id)
      const sha256 = await deps.files.put(bast)
      await writeTx(deps.db, (tx) =>
        tx
          .insertInto('registration_files')
          .values({
            registration_id: done.card.id,
            kind: 'bast',
            mime: 'application/pdf',
            size: bast.length,
            sha256,
            user_id: actor.userId,
            at: deps.clock.now().toISOString(),
          })
          .execute(),
      )
      return sha256
    })
    return {
      id: done.card.id,
      step: 'finalisasi',
      status: 'aktif',
      serviceId: done.serviceId,
      serviceStatus: to,
      chargeId: done.chargeId,
      invoiceId: invoice?.id ?? null,
      invoiceNumber: invoice?.number ?? null,
      welcome,
      bastSha256,
    }
  }
  return { sign, afterCommit }
}

/**
 * The new service's first invoice, billed now rather than at the next run: the plan of the
 * activation's month (the same rules as every run: proration by policy, pending one-time charges
 * such as the installation fee joining it), kept to this customer, written with the run's own
 * writer (gapless number, billed period recorded so the monthly run does not bill it again).
 */
async function billFirstInvoice(
  deps: RegistrationDeps,
  actor: RegistrationActor,
  customerId: number,
  serviceId: number,
  today: CalendarDate,
): Promise<{ id: number; number: string | null } | null> {
  const service = await deps.db
    .selectFrom('services')
    .select('activation_date')
    .where('id', '=', serviceId)
    .executeTakeFirstOrThrow()
  const activation = service.activation_date ?? today
  const period = activation.slice(0, 7)
  const settings = await getBillingSettings(deps.db, actor.companyId)
  const plan = await planRun(deps.db, actor.companyId, {
    period,
    asOf: (activation > today ? activation : today) as CalendarDate,
    settings,
  })
  const mine = plan.invoices.filter(
    (i) => i.customerId === customerId && i.billed.some((b) => b.serviceId === serviceId),
  )
  if (!mine.length) return null
  return writeTx(deps.db, async (tx) => {
    const { written } = await writeInvoices(
      tx,
      {
        companyId: actor.companyId,
        runId: null,
        settings,
        period,
        at: deps.clock.now().toISOString(),
        username: actor.username,
      },
      mine,
    )
    if (!written) return null
    const row = await tx
      .selectFrom('invoices')
      .select(['id', 'number'])
      .where('customer_id', '=', customerId)
      .where('company_id', '=', actor.companyId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow()
    return row
  })
}

/** The BAST PDF of a signed card, drawn again from what was stored (same input, same bytes). */
export async function bastPdf(
  deps: RegistrationDeps,
  actor: RegistrationActor,
  registrationId: number,
): Promise<Buffer> {
  const card = await deps.db
    .selectFrom('registrations as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .leftJoin('services as s', 's.id', 'r.service_id')
    .leftJoin('products as p', 'p.id', 's.product_id')
    .leftJoin('users as t', 't.id', 'r.install_technician_id')
    .select([
      'r.id',
      'r.signed_at',
      'r.customer_signer',
      'r.technician_signer',
      'r.restrict_before_payment',
      'r.onu_serial',
      'r.rx_power',
      'r.cable_length',
      'r.install_notes',
      'r.download_kbps',
      'r.upload_kbps',
      'c.code',
      'c.name',
      'c.address',
      'c.phone',
      's.sid',
      's.pppoe_username',
      'p.name as product',
      'p.download_kbps as product_down',
      'p.upload_kbps as product_up',
      't.name as technician',
    ])
    .where('r.id', '=', registrationId)
    .where('r.company_id', '=', actor.companyId)
    .executeTakeFirst()
  if (!card) throw new AppError('NOT_FOUND', 'registration')
  if (!card.signed_at) throw new AppError('NOT_FOUND', 'bast')
  const files = await deps.db
    .selectFrom('registration_files')
    .select(['kind', 'sha256'])
    .where('registration_id', '=', card.id)
    .where('kind', 'in', ['signature_customer', 'signature_technician'])
    .orderBy('id', 'desc')
    .execute()
  const sig = async (kind: string) => {
    const f = files.find((x) => x.kind === kind)
    if (!f) throw new AppError('NOT_FOUND', 'signature')
    return deps.files.get(f.sha256)
  }
  const timeZone = await companyTimeZone(deps, actor.companyId)
  const mbps = (k: number | null) => (k ? `${Math.round(k / 100) / 10} Mbps` : '-')
  const down = card.download_kbps ?? card.product_down
  const up = card.upload_kbps ?? card.product_up
  return renderBastPdf({
    company: await companyHeader(deps.db, actor.companyId),
    signedDate: dmy(dateInZone(new Date(card.signed_at), timeZone)),
    signedAt: card.signed_at,
    customer: {
      code: card.code,
      name: card.name,
      address: card.address,
      phone: card.phone ?? '',
    },
    service: {
      sid: card.sid ?? '-',
      product: card.product ?? '-',
      speed: `${mbps(down)} unduh / ${mbps(up)} unggah`,
      username: card.pppoe_username ?? '',
    },
    installation: {
      onuSerial: card.onu_serial ?? '-',
      rxPower: card.rx_power === null ? '-' : `${String(card.rx_power).replace('.', ',')} dBm`,
      cableLength: card.cable_length === null ? '-' : `${card.cable_length} m`,
      technician: card.technician ?? card.technician_signer ?? '-',
      notes: card.install_notes ?? '',
    },
    restrictBeforePayment: card.restrict_before_payment === 1,
    customerSigner: card.customer_signer ?? '',
    technicianSigner: card.technician_signer ?? '',
    customerSignature: await sig('signature_customer'),
    technicianSignature: await sig('signature_technician'),
  })
}
