import { describe, expect, it } from 'vitest'
import { openTicketInput, updateTicketInput, DEFAULT_TICKET_SETTINGS } from '@shared/schemas'
import { TICKET_STATUSES, type TicketStatus } from '@shared/tickets'
import { collectionsFixture } from '../collections/testing'
import { grantTicketPermissions } from '../db/migrations/202612060301_tickets'
import { listNotifications } from '../notifications'
import { permissionsOfRole } from '../roles'
import {
  getTicket,
  listTickets,
  openTicket,
  saveTicketSettings,
  updateTicket,
  type TicketChange,
} from './index'

const TZ = 'Asia/Jakarta'

async function fixture() {
  const f = await collectionsFixture('2026-12-01T03:00:00Z')
  const budi = await f.customer('Budi Santoso')
  await f.contact(budi.customerId, { phone: '0812-3456-7890' })
  await f.whatsappOn()
  const user = async (username: string, role: string, active = 1) =>
    (
      await f.db
        .insertInto('users')
        .values({
          company_id: f.companyId,
          name: `Pengguna ${username}`,
          username,
          phone: null,
          email: null,
          role,
          password_hash: 'x',
          must_change_password: 0,
          active,
          created_at: '2026-12-01T00:00:00Z',
          updated_at: '2026-12-01T00:00:00Z',
          password_changed_at: null,
          deactivated_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const open = (patch: Record<string, unknown> = {}) =>
    openTicket(
      f.deps,
      f.actor,
      openTicketInput.parse({
        customerId: budi.customerId,
        category: 'gangguan',
        priority: 'tinggi',
        title: 'Internet mati sejak pagi',
        ...patch,
      }),
      TZ,
    )
  const update = (id: number, patch: Record<string, unknown>) =>
    updateTicket(f.deps, f.actor, updateTicketInput.parse({ id, ...patch }), TZ)
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: { code?: string }) => e.code ?? String(e),
    )
  const row = (id: number) =>
    f.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  return { ...f, budi, user, open, update, code, row }
}

/** Moves a new ticket along the forward path to `status`. */
async function ticketAt(f: Awaited<ReturnType<typeof fixture>>, status: TicketStatus) {
  const t = await f.open({ customerId: null })
  const path: Record<TicketStatus, TicketStatus[]> = {
    baru: [],
    dalam_proses: ['dalam_proses'],
    menunggu_konfirmasi: ['dalam_proses', 'menunggu_konfirmasi'],
    selesai: ['dalam_proses', 'menunggu_konfirmasi', 'selesai'],
    dibatalkan: ['dibatalkan'],
  }
  for (const s of path[status]) await f.update(t.id, { status: s })
  return t
}

describe('tickets', () => {
  it('numbers tickets TKT/<year>/000001 per year of the company time zone, without gaps', async () => {
    const f = await fixture()
    const a = await f.open()
    const b = await f.open()
    expect([a.number, b.number]).toEqual(['TKT/2026/000001', 'TKT/2026/000002'])
    // 31/12/2026 17:30 UTC is already 1 January 2027 in Jakarta: a new year, a new sequence.
    f.clock.set('2026-12-31T17:30:00Z')
    expect((await f.open()).number).toBe('TKT/2027/000001')
    // A refused ticket (unknown category) takes no number.
    expect(await f.code(f.open({ category: 'entah' }))).toBe('TICKET_CATEGORY_UNKNOWN')
    expect((await f.open()).number).toBe('TKT/2027/000002')
  })

  it('tickets opened at the same moment take every number once, without gaps', async () => {
    const f = await fixture()
    // Ten desks at once, one of them refused (unknown category): the refused one takes no number.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => f.open(i === 4 ? { category: 'entah' } : {})),
    )
    const numbers = results
      .flatMap((r) => (r.status === 'fulfilled' ? [r.value.number] : []))
      .sort()
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1)
    expect(numbers).toEqual(
      Array.from({ length: 9 }, (_, i) => `TKT/2026/${String(i + 1).padStart(6, '0')}`),
    )
  })

  it('status flow: allowed moves pass, every other jump is refused with TICKET_STATUS_REFUSED', async () => {
    const f = await fixture()
    const allowed: [TicketStatus, TicketStatus][] = [
      ['baru', 'dalam_proses'],
      ['baru', 'dibatalkan'],
      ['dalam_proses', 'menunggu_konfirmasi'],
      ['dalam_proses', 'dibatalkan'],
      ['menunggu_konfirmasi', 'dalam_proses'],
      ['menunggu_konfirmasi', 'selesai'],
      ['menunggu_konfirmasi', 'dibatalkan'],
      ['selesai', 'dalam_proses'],
      ['dibatalkan', 'dalam_proses'],
    ]
    const isAllowed = (from: TicketStatus, to: TicketStatus) =>
      allowed.some(([a, b]) => a === from && b === to)
    for (const from of TICKET_STATUSES) {
      for (const to of TICKET_STATUSES) {
        if (from === to) continue
        const t = await ticketAt(f, from)
        const result = await f.code(f.update(t.id, { status: to, reason: 'pelanggan lapor lagi' }))
        expect(`${from} → ${to}: ${result}`).toBe(
          `${from} → ${to}: ${isAllowed(from, to) ? 'ok' : 'TICKET_STATUS_REFUSED'}`,
        )
        expect((await f.row(t.id)).status).toBe(isAllowed(from, to) ? to : from)
      }
    }
  }, 60_000)

  it('reopening a selesai or dibatalkan ticket needs a reason, and is recorded with it', async () => {
    const f = await fixture()
    const done = await ticketAt(f, 'selesai')
    expect(await f.code(f.update(done.id, { status: 'dalam_proses' }))).toBe(
      'TICKET_REOPEN_REASON_REQUIRED',
    )
    expect((await f.row(done.id)).resolved_at).not.toBeNull()
    await f.update(done.id, { status: 'dalam_proses', reason: 'Masih putus-putus malam hari' })
    const after = await f.row(done.id)
    expect(after.status).toBe('dalam_proses')
    expect(after.resolved_at).toBeNull()
    const detail = await getTicket(f.deps, f.companyId, done.id)
    expect(detail.events.at(-1)).toMatchObject({
      kind: 'reopened',
      fromStatus: 'selesai',
      toStatus: 'dalam_proses',
      note: 'Masih putus-putus malam hari',
    })
    const cancelled = await ticketAt(f, 'dibatalkan')
    expect(await f.code(f.update(cancelled.id, { status: 'dalam_proses' }))).toBe(
      'TICKET_REOPEN_REASON_REQUIRED',
    )
  })

  it('SLA due times come from the priority targets of the company settings', async () => {
    const f = await fixture()
    const created = Date.parse('2026-12-01T03:00:00Z')
    const minutes = (iso: string) => (Date.parse(iso) - created) / 60_000
    for (const priority of ['rendah', 'sedang', 'tinggi', 'darurat'] as const) {
      const t = await f.row((await f.open({ priority })).id)
      const target = DEFAULT_TICKET_SETTINGS.sla[priority]
      expect(minutes(t.first_response_due_at), priority).toBe(target.firstResponseMinutes)
      expect(minutes(t.resolution_due_at), priority).toBe(target.resolutionMinutes)
    }
    expect(DEFAULT_TICKET_SETTINGS.sla.darurat).toEqual({
      firstResponseMinutes: 15,
      resolutionMinutes: 240,
    })
    // Edited targets apply to tickets opened afterwards.
    await saveTicketSettings(f.deps, f.actor, {
      ...DEFAULT_TICKET_SETTINGS,
      sla: {
        ...DEFAULT_TICKET_SETTINGS.sla,
        darurat: { firstResponseMinutes: 5, resolutionMinutes: 60 },
      },
    })
    const t = await f.row((await f.open({ priority: 'darurat' })).id)
    expect(minutes(t.first_response_due_at)).toBe(5)
    expect(minutes(t.resolution_due_at)).toBe(60)
  })

  it('the list shows the time left and flags a breach from the clock', async () => {
    const f = await fixture()
    const t = await f.open({ priority: 'darurat' })
    let [row] = await listTickets(f.deps, f.companyId, {})
    expect(row).toMatchObject({ id: t.id, minutesLeft: 240, breached: false })
    f.clock.set('2026-12-01T03:20:00Z')
    ;[row] = await listTickets(f.deps, f.companyId, {})
    expect(row).toMatchObject({ minutesLeft: 220, breached: false, firstResponseBreached: true })
    f.clock.set('2026-12-01T07:01:00Z')
    ;[row] = await listTickets(f.deps, f.companyId, {})
    expect(row).toMatchObject({ minutesLeft: -1, breached: true })
    // Solved late stays breached; closed tickets have no time left.
    await f.update(t.id, { status: 'dalam_proses' })
    await f.update(t.id, { status: 'menunggu_konfirmasi' })
    await f.update(t.id, { status: 'selesai' })
    ;[row] = await listTickets(f.deps, f.companyId, {})
    expect(row).toMatchObject({ status: 'selesai', minutesLeft: null, breached: true })
  })

  it('the first response is the first move away from baru, or the first note', async () => {
    const f = await fixture()
    const a = await f.open()
    f.clock.set('2026-12-01T03:10:00Z')
    await f.update(a.id, { status: 'dalam_proses' })
    expect((await f.row(a.id)).first_responded_at).toBe('2026-12-01T03:10:00.000Z')
    f.clock.set('2026-12-01T03:30:00Z')
    await f.update(a.id, { note: 'Teknisi berangkat' })
    expect((await f.row(a.id)).first_responded_at).toBe('2026-12-01T03:10:00.000Z')

    const b = await f.open()
    f.clock.set('2026-12-01T03:45:00Z')
    await f.update(b.id, { note: 'Sudah dicek dari kantor: ONU merah' })
    const rowB = await f.row(b.id)
    expect(rowB.first_responded_at).toBe('2026-12-01T03:45:00.000Z')
    expect(rowB.status).toBe('baru')
  })

  it('every change is an event with who, when and the note; create, status and assignment are audited', async () => {
    const f = await fixture()
    const tech = await f.user('teknisi1', 'technician')
    const t = await f.open({ deviceSerial: 'ZTEGC8A1B2C3', picName: 'Pak RT', picPhone: '0813' })
    f.clock.set('2026-12-01T04:00:00Z')
    await f.update(t.id, { assigneeId: tech, status: 'dalam_proses', note: 'Dikirim ke lokasi' })
    await f.update(t.id, { note: 'Kabel drop putus, diganti' })
    const detail = await getTicket(f.deps, f.companyId, t.id)
    expect(detail).toMatchObject({
      assigneeId: tech,
      deviceSerial: 'ZTEGC8A1B2C3',
      picName: 'Pak RT',
    })
    expect(
      detail.events.map((e) => [
        e.kind,
        e.fromStatus,
        e.toStatus,
        e.assigneeId,
        e.note,
        e.username,
      ]),
    ).toEqual([
      ['created', null, 'baru', null, null, 'owner'],
      ['assigned', null, null, tech, null, 'owner'],
      ['status', 'baru', 'dalam_proses', null, 'Dikirim ke lokasi', 'owner'],
      ['note', null, null, null, 'Kabel drop putus, diganti', 'owner'],
    ])
    expect(detail.events[1]!.at).toBe('2026-12-01T04:00:00.000Z')
    const audit = await f.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'ticket')
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'tickets.create',
      'tickets.assign',
      'tickets.status',
    ])
  })

  it('assigns only active users whose role works tickets', async () => {
    const f = await fixture()
    const t = await f.open()
    const tech = await f.user('teknisi1', 'technician')
    const support = await f.user('support1', 'admin_support')
    const billing = await f.user('kasir1', 'admin_billing')
    const gone = await f.user('teknisi2', 'technician', 0)
    expect(await f.code(f.update(t.id, { assigneeId: tech }))).toBe('ok')
    expect(await f.code(f.update(t.id, { assigneeId: support }))).toBe('ok')
    expect(await f.code(f.update(t.id, { assigneeId: billing }))).toBe('TICKET_ASSIGNEE_INVALID')
    expect(await f.code(f.update(t.id, { assigneeId: gone }))).toBe('TICKET_ASSIGNEE_INVALID')
    expect(await f.code(f.update(t.id, { assigneeId: 9999 }))).toBe('TICKET_ASSIGNEE_INVALID')
    expect((await f.row(t.id)).assignee_id).toBe(support)
    expect(
      (await listTickets(f.deps, f.companyId, { assigneeId: support })).map((r) => r.id),
    ).toEqual([t.id])
  })

  it('queues "keluhan diterima" on opening and "keluhan selesai" on selesai, with the number', async () => {
    const f = await fixture()
    const t: TicketChange = await f.open()
    expect(t.messages).toEqual({ queued: 1, skipped: 0 })
    await f.update(t.id, { status: 'dalam_proses' })
    await f.update(t.id, { status: 'menunggu_konfirmasi' })
    const done = await f.update(t.id, { status: 'selesai' })
    expect(done.messages).toEqual({ queued: 1, skipped: 0 })
    const sent = await f.messages()
    expect(sent.map((m) => [m.kind, m.status, m.recipient, m.ref_type, m.ref_id])).toEqual([
      ['complaint_received', 'antri', '6281234567890', 'ticket', t.id],
      ['complaint_resolved', 'antri', '6281234567890', 'ticket', t.id],
    ])
    expect(sent[0]!.body).toContain('nomor tiket TKT/2026/000001')
    expect(sent[0]!.body).toContain('Budi Santoso')
    expect(sent[1]!.body).toContain('TKT/2026/000001 sudah selesai')
  })

  it('a ticket reopened and solved again tells the customer again; a repeated request changes nothing', async () => {
    const f = await fixture()
    const t = await f.open()
    for (const s of ['dalam_proses', 'menunggu_konfirmasi', 'selesai'])
      await f.update(t.id, { status: s })
    const before = await f.row(t.id)
    f.clock.set('2026-12-01T05:00:00Z')
    await f.update(t.id, { status: 'selesai' })
    expect(await f.row(t.id)).toEqual(before)
    await f.update(t.id, { status: 'dalam_proses', reason: 'Putus lagi' })
    await f.update(t.id, { status: 'menunggu_konfirmasi' })
    await f.update(t.id, { status: 'selesai' })
    expect((await f.messages()).map((m) => m.kind)).toEqual([
      'complaint_received',
      'complaint_resolved',
      'complaint_resolved',
    ])
    expect((await f.row(t.id)).resolved_at).toBe('2026-12-01T05:00:00.000Z')
  })

  it('sends nothing to a customer who opted out (recorded as skipped), and nothing without a customer', async () => {
    const f = await fixture()
    await f.contact(f.budi.customerId, { optOut: true })
    const t = await f.open()
    expect(t.messages).toEqual({ queued: 0, skipped: 1 })
    for (const s of ['dalam_proses', 'menunggu_konfirmasi', 'selesai'])
      await f.update(t.id, { status: s })
    const rows = await f.messages()
    expect(rows.map((m) => [m.kind, m.status, m.reason])).toEqual([
      ['complaint_received', 'dilewati', 'opted_out'],
      ['complaint_resolved', 'dilewati', 'opted_out'],
    ])
    const walkIn = await f.open({ customerId: null })
    expect(walkIn.messages).toEqual({ queued: 0, skipped: 0 })
    expect(await f.messages()).toHaveLength(2)
  })

  it('searches by number, device serial, customer code or name and SID', async () => {
    const f = await fixture()
    const siti = await f.customer('Siti Aminah')
    const a = await f.open({ deviceSerial: 'ZTEGC8A1B2C3' })
    const b = await f.open({ customerId: siti.customerId, serviceId: siti.serviceId })
    const sid = (
      await f.db
        .selectFrom('services')
        .select('sid')
        .where('id', '=', siti.serviceId)
        .executeTakeFirstOrThrow()
    ).sid
    const ids = async (search: string) =>
      (await listTickets(f.deps, f.companyId, { search })).map((r) => r.id)
    expect(await ids('tkt/2026/000002')).toEqual([b.id])
    expect(await ids('a1b2')).toEqual([a.id])
    expect(await ids(siti.code)).toEqual([b.id])
    expect(await ids('aminah')).toEqual([b.id])
    expect(await ids(sid)).toEqual([b.id])
    expect(await ids('budi')).toEqual([a.id])
    expect(await ids('tidakada')).toEqual([])
  })

  it('categories: inactive ones are refused for new tickets, and one in use cannot be removed', async () => {
    const f = await fixture()
    await f.open({ category: 'tagihan' })
    const without = DEFAULT_TICKET_SETTINGS.categories.filter((c) => c.key !== 'tagihan')
    expect(
      await f.code(
        saveTicketSettings(f.deps, f.actor, { ...DEFAULT_TICKET_SETTINGS, categories: without }),
      ),
    ).toBe('TICKET_CATEGORY_IN_USE')
    await saveTicketSettings(f.deps, f.actor, {
      ...DEFAULT_TICKET_SETTINGS,
      categories: DEFAULT_TICKET_SETTINGS.categories.map((c) =>
        c.key === 'tagihan' ? { ...c, active: false } : c,
      ),
    })
    expect(await f.code(f.open({ category: 'tagihan' }))).toBe('TICKET_CATEGORY_UNKNOWN')
    // Removing one nobody used is fine.
    const fewer = DEFAULT_TICKET_SETTINGS.categories.filter((c) => c.key !== 'lainnya')
    expect(
      await f.code(
        saveTicketSettings(f.deps, f.actor, { ...DEFAULT_TICKET_SETTINGS, categories: fewer }),
      ),
    ).toBe('ok')
  })

  it('a new ticket rings the bell of those who work tickets, not of the cashier', async () => {
    const f = await fixture()
    const opened = await f.open({ priority: 'darurat', title: 'Satu RT mati' })
    const bell = async (role: 'technician' | 'admin_billing') =>
      listNotifications(f.db, {
        companyId: f.companyId,
        userId: f.ownerId,
        permissions: await permissionsOfRole(f.db, f.companyId, role),
      })
    expect((await bell('technician')).map((n) => [n.kind, n.params, n.link])).toEqual([
      [
        'ticket_new',
        { number: 'TKT/2026/000001', title: 'Satu RT mati', priority: 'darurat' },
        `/tiket/${opened.id}`,
      ],
    ])
    expect((await bell('admin_billing')).filter((n) => n.kind === 'ticket_new')).toEqual([])
  })

  it('support and technicians work tickets by default, billing and viewers see them; older companies get the same', async () => {
    const f = await fixture()
    const check = async () => {
      for (const role of ['admin_support', 'technician'] as const)
        expect(await permissionsOfRole(f.db, f.companyId, role)).toEqual(
          expect.arrayContaining(['tickets.view', 'tickets.manage']),
        )
      for (const role of ['admin_billing', 'viewer'] as const) {
        const held = await permissionsOfRole(f.db, f.companyId, role)
        expect(held).toContain('tickets.view')
        expect(held).not.toContain('tickets.manage')
      }
    }
    await check()
    await f.db.deleteFrom('role_permissions').where('permission', 'like', 'tickets.%').execute()
    await grantTicketPermissions(f.db as never)
    await check()
  })
})
