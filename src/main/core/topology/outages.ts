import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import type { OutageDeclareInput, OutageResolveInput, OutageTarget } from '@shared/schemas'
import { TICKET_TRANSITIONS, type TicketStatus } from '@shared/tickets'
import { appendAudit } from '../audit'
import { takeTurn, writeTx, type Database } from '../db'
import type { MessagingDeps } from '../messaging'
import { getTicketSettings, openTicket, updateTicket } from '../tickets'
import { loadOdc, loadOdp, type CompanyActor } from './topology'

type Tx = Kysely<Database>

export interface AffectedService {
  serviceId: number
  sid: string
  serviceStatus: string
  customerId: number
  customerCode: string
  customerName: string
  odpName: string | null
  port: number | null
}

/** A service and its customer, as every list of affected services shows them (`s`, `c`). */
const SERVICE_COLUMNS = [
  's.id as serviceId',
  's.sid',
  's.status as serviceStatus',
  'c.id as customerId',
  'c.code as customerCode',
  'c.name as customerName',
] as const

/** Where a target sits, for its label and for the outage row. */
async function locate(tx: Tx, companyId: number, target: OutageTarget) {
  const where = { olt_id: null, pon: null, odc_id: null, odp_id: null } as {
    olt_id: number | null
    pon: string | null
    odc_id: number | null
    odp_id: number | null
  }
  const oltName = async (id: number) => {
    const olt = await tx
      .selectFrom('olts')
      .select('name')
      .where('id', '=', id)
      .where('company_id', '=', companyId)
      .executeTakeFirst()
    if (!olt) throw new AppError('NOT_FOUND', 'olt')
    return olt.name
  }
  switch (target.scope) {
    case 'olt':
      return {
        label: `OLT ${await oltName(target.oltId)}`,
        where: { ...where, olt_id: target.oltId },
      }
    case 'pon':
      return {
        label: `PON ${target.pon} di OLT ${await oltName(target.oltId)}`,
        where: { ...where, olt_id: target.oltId, pon: target.pon },
      }
    case 'odc': {
      const odc = await loadOdc(tx, companyId, target.odcId)
      return { label: `ODC ${odc.name}`, where: { ...where, odc_id: odc.id } }
    }
    case 'odp': {
      const odp = await loadOdp(tx, companyId, target.odpId)
      return { label: `ODP ${odp.name}`, where: { ...where, odp_id: odp.id } }
    }
  }
}

/**
 * The live (not terminated) services cut off when the target goes down: those on the ports of
 * every ODP beneath it and, for an OLT or PON port, those whose ONU the OLT lists there even
 * without an ODP recorded.
 */
export async function affectedServices(
  tx: Tx,
  companyId: number,
  target: OutageTarget,
): Promise<AffectedService[]> {
  let viaPorts = tx
    .selectFrom('odp_ports as p')
    .innerJoin('odps as o', 'o.id', 'p.odp_id')
    .innerJoin('odcs as d', 'd.id', 'o.odc_id')
    .innerJoin('services as s', 's.id', 'p.service_id')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select([...SERVICE_COLUMNS, 'o.name as odpName', 'p.port'])
    .where('p.company_id', '=', companyId)
    .where('s.status', '!=', 'putus')
  if (target.scope === 'odp') viaPorts = viaPorts.where('o.id', '=', target.odpId)
  if (target.scope === 'odc') viaPorts = viaPorts.where('d.id', '=', target.odcId)
  if (target.scope === 'olt' || target.scope === 'pon')
    viaPorts = viaPorts.where('d.olt_id', '=', target.oltId)
  if (target.scope === 'pon') viaPorts = viaPorts.where('d.pon', '=', target.pon)
  const rows: AffectedService[] = await viaPorts.execute()

  if (target.scope === 'olt' || target.scope === 'pon') {
    let viaOnus = tx
      .selectFrom('olt_onus as u')
      .innerJoin('services as s', 's.id', 'u.service_id')
      .innerJoin('customers as c', 'c.id', 's.customer_id')
      .select(SERVICE_COLUMNS)
      .where('u.company_id', '=', companyId)
      .where('u.olt_id', '=', target.oltId)
      .where('u.present', '=', 1)
      .where('s.status', '!=', 'putus')
    if (target.scope === 'pon') viaOnus = viaOnus.where('u.pon', '=', target.pon)
    const seen = new Set(rows.map((r) => r.serviceId))
    for (const r of await viaOnus.execute())
      if (!seen.has(r.serviceId)) {
        seen.add(r.serviceId)
        rows.push({ ...r, odpName: null, port: null })
      }
  }
  return rows.sort(
    (a, b) => a.customerName.localeCompare(b.customerName, 'id') || a.serviceId - b.serviceId,
  )
}

/** Who would be affected, before anything is declared (the confirmation dialog). */
export async function outagePreview(
  { db }: MessagingDeps,
  companyId: number,
  target: OutageTarget,
) {
  const { label } = await locate(db, companyId, target)
  const services = await affectedServices(db, companyId, target)
  return { label, customers: new Set(services.map((s) => s.customerId)).size, services }
}

/**
 * Marks a part of the network down: records the outage and the services it cuts off, and opens
 * one ticket (category gangguan, or the first active one) linked to all of them, in one
 * transaction. Nothing behind it: refused, there is nobody to tell or to fix it for.
 */
export async function declareOutage(
  deps: MessagingDeps,
  actor: CompanyActor,
  input: OutageDeclareInput,
  timeZone: string,
): Promise<{ id: number; ticketId: number; ticketNumber: string; services: number }> {
  return writeTx(deps.db, async (tx) => {
    await takeTurn(tx, `outage:${actor.companyId}`)
    const { label, where } = await locate(tx, actor.companyId, input.target)
    const services = await affectedServices(tx, actor.companyId, input.target)
    if (services.length === 0) throw new AppError('OUTAGE_NO_SERVICES', label, { label })
    const customers = new Set(services.map((s) => s.customerId)).size
    const settings = await getTicketSettings(tx, actor.companyId)
    const category =
      settings.categories.find((c) => c.key === 'gangguan' && c.active) ??
      settings.categories.find((c) => c.active)
    if (!category)
      throw new AppError('TICKET_CATEGORY_UNKNOWN', 'no active category', { category: 'gangguan' })
    const ticket = await openTicket(
      deps,
      actor,
      {
        customerId: null,
        serviceId: null,
        category: category.key,
        priority: 'darurat',
        medium: 'telepon',
        title: `Gangguan massal: ${label}`,
        description: [
          `${customers} pelanggan (${services.length} layanan) terdampak.`,
          input.cause ? `Penyebab: ${input.cause}` : null,
        ]
          .filter(Boolean)
          .join('\n'),
        assigneeId: null,
        deviceSerial: null,
        picName: null,
        picPhone: null,
      },
      timeZone,
      tx,
    )
    const at = deps.clock.now().toISOString()
    const outage = await tx
      .insertInto('outages')
      .values({
        company_id: actor.companyId,
        scope: input.target.scope,
        ...where,
        label,
        cause: input.cause,
        ticket_id: ticket.id,
        started_at: at,
        resolved_at: null,
        created_by: actor.userId,
        resolved_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await tx
      .insertInto('outage_services')
      .values(
        services.map((s) => ({
          outage_id: outage.id,
          service_id: s.serviceId,
          customer_id: s.customerId,
        })),
      )
      .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'outages.declare',
      entityType: 'outage',
      entityId: outage.id,
      after: {
        label,
        cause: input.cause,
        ticket: ticket.number,
        services: services.length,
        customers,
      },
    })
    return {
      id: outage.id,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      services: services.length,
    }
  })
}

/** The shortest way from a ticket's status to selesai, along the allowed moves. */
function pathToDone(from: TicketStatus): TicketStatus[] {
  const seen = new Map<TicketStatus, TicketStatus[]>([[from, []]])
  const queue: TicketStatus[] = [from]
  while (queue.length) {
    const at = queue.shift()!
    for (const next of TICKET_TRANSITIONS[at]) {
      if (seen.has(next) || next === 'dibatalkan') continue
      const path = [...seen.get(at)!, next]
      if (next === 'selesai') return path
      seen.set(next, path)
      queue.push(next)
    }
  }
  return []
}

/**
 * Marks an outage resolved and closes its ticket (moving it through the statuses a person would,
 * each recorded as an event, with the note on the last one). A ticket someone already closed or
 * cancelled is left as it is.
 */
export async function resolveOutage(
  deps: MessagingDeps,
  actor: CompanyActor,
  input: OutageResolveInput,
  timeZone: string,
): Promise<{ id: number; ticketNumber: string | null }> {
  return writeTx(deps.db, async (tx) => {
    await takeTurn(tx, `outage:${actor.companyId}`)
    const outage = await tx
      .selectFrom('outages')
      .selectAll()
      .where('id', '=', input.id)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!outage) throw new AppError('NOT_FOUND', 'outage')
    if (outage.resolved_at !== null) throw new AppError('OUTAGE_RESOLVED', `outage ${outage.id}`)
    const at = deps.clock.now().toISOString()
    await tx
      .updateTable('outages')
      .set({ resolved_at: at, resolved_by: actor.userId })
      .where('id', '=', outage.id)
      .execute()
    let ticketNumber: string | null = null
    if (outage.ticket_id !== null) {
      const ticket = await tx
        .selectFrom('tickets')
        .select(['id', 'number', 'status'])
        .where('id', '=', outage.ticket_id)
        .executeTakeFirstOrThrow()
      ticketNumber = ticket.number
      const steps = ticket.status === 'dibatalkan' ? [] : pathToDone(ticket.status as TicketStatus)
      const note = input.note ?? `Gangguan massal ${outage.label} selesai.`
      for (const status of steps)
        await updateTicket(
          deps,
          actor,
          { id: ticket.id, status, note: status === 'selesai' ? note : null, reason: null },
          timeZone,
          tx,
        )
    }
    await appendAudit(tx, deps.clock, actor, {
      action: 'outages.resolve',
      entityType: 'outage',
      entityId: outage.id,
      before: { label: outage.label, started_at: outage.started_at },
      after: { label: outage.label, resolved_at: at, note: input.note, ticket: ticketNumber },
    })
    return { id: outage.id, ticketNumber }
  })
}

export interface OutageView {
  id: number
  scope: string
  label: string
  cause: string | null
  ticketId: number | null
  ticketNumber: string | null
  ticketStatus: string | null
  startedAt: string
  resolvedAt: string | null
  services: number
  customers: number
}

/** Outages, open ones first, then the latest resolved. */
export async function listOutages(
  { db }: MessagingDeps,
  companyId: number,
  opts: { limit?: number; id?: number } = {},
): Promise<OutageView[]> {
  let q = db
    .selectFrom('outages as o')
    .leftJoin('tickets as t', 't.id', 'o.ticket_id')
    .leftJoin('outage_services as os', 'os.outage_id', 'o.id')
    .select((eb) => [
      'o.id',
      'o.scope',
      'o.label',
      'o.cause',
      'o.ticket_id as ticketId',
      't.number as ticketNumber',
      't.status as ticketStatus',
      'o.started_at as startedAt',
      'o.resolved_at as resolvedAt',
      eb.fn.count<number>('os.service_id').as('services'),
      eb.fn.count<number>('os.customer_id').distinct().as('customers'),
    ])
    .where('o.company_id', '=', companyId)
  if (opts.id !== undefined) q = q.where('o.id', '=', opts.id)
  const rows = await q
    .groupBy([
      'o.id',
      'o.scope',
      'o.label',
      'o.cause',
      'o.ticket_id',
      't.number',
      't.status',
      'o.started_at',
      'o.resolved_at',
    ])
    .orderBy((eb) => eb.case().when('o.resolved_at', 'is', null).then(0).else(1).end())
    .orderBy('o.id', 'desc')
    .limit(opts.limit ?? 100)
    .execute()
  return rows.map((r) => ({ ...r, services: Number(r.services), customers: Number(r.customers) }))
}

/** One outage with every service it cut off. */
export async function getOutage({ db }: MessagingDeps, companyId: number, id: number) {
  const [outage] = await listOutages({ db } as MessagingDeps, companyId, { id })
  if (!outage) throw new AppError('NOT_FOUND', 'outage')
  const services = await db
    .selectFrom('outage_services as os')
    .innerJoin('services as s', 's.id', 'os.service_id')
    .innerJoin('customers as c', 'c.id', 'os.customer_id')
    .select([...SERVICE_COLUMNS, 'c.phone', 'c.whatsapp'])
    .where('os.outage_id', '=', id)
    .orderBy('c.name')
    .execute()
  return { ...outage, list: services }
}
