import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { DEFAULT_MODULES } from '@shared/modules'
import type { Permission } from '@shared/permissions'
import { openTicketInput, type FieldCommand } from '@shared/schemas'
import { collectionsFixture } from '../collections/testing'
import { memoryFileStore } from '../files'
import { listTicketAttachments, openTicket, updateTicket } from '../tickets'
import { issueStock, saveStockItem, saveWarehouse, stockIn, technicianStock } from '../warehouse'
import {
  defineFieldKind,
  FIELD_KINDS,
  fieldTasks,
  syncFieldCommands,
  type FieldCaller,
} from './index'
import { ticketNotePayload } from '@shared/schemas'

const TZ = 'Asia/Jakarta'
let seq = 0
const uuid = () => {
  seq += 1
  return `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`
}

async function fixture() {
  const f = await collectionsFixture('2026-12-05T01:00:00Z')
  const budi = await f.customer('Budi Santoso')
  await f.db
    .updateTable('customers')
    .set({ phone: '0812-3456-7890', latitude: -6.2, longitude: 106.8166 })
    .where('id', '=', budi.customerId)
    .execute()
  const user = async (username: string, role: string) =>
    (
      await f.db
        .insertInto('users')
        .values({
          company_id: f.companyId,
          name: `Teknisi ${username}`,
          username,
          phone: null,
          email: null,
          role,
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
  const rudiId = await user('rudi', 'technician')
  const joniId = await user('joni', 'technician')
  const caller = (
    userId: number,
    username: string,
    permissions: Permission[] = ['tickets.view', 'tickets.manage'],
    modules = DEFAULT_MODULES,
  ): FieldCaller => ({
    actor: { companyId: f.companyId, userId, username, ip: '192.0.2.50', userAgent: 'phone' },
    timeZone: TZ,
    can: (p) => permissions.includes(p),
    moduleOn: (m) => modules[m],
  })
  const rudi = caller(rudiId, 'rudi')
  const open = async (assigneeId: number | null = rudiId, title = 'Internet mati sejak pagi') =>
    openTicket(
      f.deps,
      f.actor,
      openTicketInput.parse({
        customerId: budi.customerId,
        category: 'gangguan',
        priority: 'tinggi',
        title,
        assigneeId,
      }),
      TZ,
    )
  const office = (id: number, patch: { status?: string; note?: string; assigneeId?: number }) =>
    updateTicket(
      f.deps,
      f.actor,
      { id, note: patch.note ?? null, reason: null, ...patch } as never,
      TZ,
    )
  const note = (ticketId: number, text: string, id = uuid()): FieldCommand => ({
    id,
    kind: 'ticket.note',
    payload: { ticketId, note: text },
    at: '2026-12-05T08:00:00+07:00',
  })
  const status = (ticketId: number, to: string, text?: string): FieldCommand => ({
    id: uuid(),
    kind: 'ticket.status',
    payload: { ticketId, status: to, ...(text ? { note: text } : {}) },
    at: '2026-12-05T08:01:00+07:00',
  })
  const sync = (commands: FieldCommand[], who = rudi) => syncFieldCommands(f.deps, who, commands)
  const events = (ticketId: number) =>
    f.db
      .selectFrom('ticket_events')
      .select(['kind', 'note', 'to_status', 'username'])
      .where('ticket_id', '=', ticketId)
      .where('kind', 'in', ['note', 'status'])
      .orderBy('id')
      .execute()
  const statusOf = async (id: number) =>
    (
      await f.db
        .selectFrom('tickets')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status
  return {
    ...f,
    budi,
    rudiId,
    joniId,
    rudi,
    caller,
    open,
    office,
    note,
    status,
    sync,
    events,
    statusOf,
  }
}

describe('field.sync', () => {
  it('applies a batch once: the same batch replayed answers duplicate with the original result', async () => {
    const f = await fixture()
    const t = await f.open()
    const batch = [f.note(t.id, 'ONU dicek, kabel putus'), f.status(t.id, 'dalam_proses')]
    const first = await f.sync(batch)
    expect(first.map((r) => r.status)).toEqual(['applied', 'applied'])
    expect(first[1]!.result).toMatchObject({ number: t.number, ticketStatus: 'dalam_proses' })

    const again = await f.sync(batch)
    expect(again.map((r) => [r.id, r.status, r.original])).toEqual([
      [batch[0]!.id, 'duplicate', 'applied'],
      [batch[1]!.id, 'duplicate', 'applied'],
    ])
    expect(again[1]!.result).toEqual(first[1]!.result)
    expect(await f.events(t.id)).toEqual([
      { kind: 'note', note: 'ONU dicek, kabel putus', to_status: null, username: 'rudi' },
      { kind: 'status', note: null, to_status: 'dalam_proses', username: 'rudi' },
    ])
    const rows = await f.db.selectFrom('field_commands').selectAll().orderBy('id').execute()
    expect(rows.map((r) => [r.uuid, r.kind, r.status, r.username, r.client_at])).toEqual([
      [batch[0]!.id, 'ticket.note', 'applied', 'rudi', '2026-12-05T08:00:00+07:00'],
      [batch[1]!.id, 'ticket.status', 'applied', 'rudi', '2026-12-05T08:01:00+07:00'],
    ])
  })

  it('applies a UUID once when the same command arrives twice at the same time', async () => {
    const f = await fixture()
    const t = await f.open()
    const command = f.note(t.id, 'Sampai di lokasi')
    const answers = await Promise.all([
      f.sync([command]),
      f.sync([command]),
      f.sync([{ ...command, id: command.id.toUpperCase() }]),
    ])
    const statuses = answers.map((a) => a[0]!.status).sort()
    expect(statuses).toEqual(['applied', 'duplicate', 'duplicate'])
    expect(await f.events(t.id)).toHaveLength(1)
    const rows = await f.db.selectFrom('field_commands').select('uuid').execute()
    expect(rows).toEqual([{ uuid: command.id }])
  })

  it('refuses a note on a ticket closed at the office meanwhile, with the reason in Indonesian', async () => {
    const f = await fixture()
    const t = await f.open()
    await f.office(t.id, { status: 'dibatalkan' })
    const command = f.note(t.id, 'Sudah saya ganti konektornya')
    const [r] = await f.sync([command])
    expect(r).toMatchObject({ id: command.id, status: 'conflict', code: 'FIELD_TICKET_CLOSED' })
    expect(r!.reason).toBe(
      `Tiket ${t.number} sudah dibatalkan di kantor, jadi perubahan dari HP ini tidak diterapkan. Minta kantor membukanya kembali bila masih perlu.`,
    )
    expect(await f.events(t.id)).toEqual([
      { kind: 'status', note: null, to_status: 'dibatalkan', username: 'owner' },
    ])
    // A replay answers the same refusal: the text is never applied later by accident.
    await f.office(t.id, { status: 'dalam_proses', reason: 'Pelanggan masih komplain' } as never)
    const [again] = await f.sync([command])
    expect(again).toMatchObject({
      status: 'duplicate',
      original: 'conflict',
      code: 'FIELD_TICKET_CLOSED',
      reason: r!.reason,
    })
  })

  it('refuses a status move the flow does not allow, and a ticket given to someone else', async () => {
    const f = await fixture()
    const t = await f.open()
    const other = await f.open(f.joniId, 'Ganti router')
    const [skip, notMine] = await f.sync([
      f.status(t.id, 'selesai', 'Beres'),
      f.note(other.id, 'Saya kerjakan'),
    ])
    expect(skip).toMatchObject({ status: 'conflict', code: 'TICKET_STATUS_REFUSED' })
    expect(skip!.reason).toContain('tidak bisa diubah dari "baru" ke "selesai"')
    expect(notMine).toMatchObject({ status: 'conflict', code: 'FIELD_NOT_ASSIGNED' })
    expect(notMine!.reason).toContain(`Tiket ${other.number} tidak (lagi) ditugaskan kepada Anda`)
    expect(await f.events(t.id)).toEqual([])
    expect(await f.statusOf(t.id)).toBe('baru')
    expect(await f.events(other.id)).toEqual([])
  })

  it('answers an unknown kind or a bad payload with a conflict and applies the rest of the batch', async () => {
    const f = await fixture()
    const t = await f.open()
    const results = await f.sync([
      {
        id: uuid(),
        kind: 'meter.read',
        payload: { itemId: 1, quantity: 2 },
        at: '2026-12-05T01:00:00Z',
      },
      { id: uuid(), kind: 'ticket.note', payload: { ticketId: t.id }, at: '2026-12-05T01:00:00Z' },
      f.note(t.id, 'Tetap diterapkan'),
    ])
    expect(results.map((r) => [r.status, r.code])).toEqual([
      ['conflict', 'FIELD_KIND_UNKNOWN'],
      ['conflict', 'FIELD_PAYLOAD_INVALID'],
      ['applied', undefined],
    ])
    expect(results[0]!.reason).toBe(
      'Host belum mengenal perintah "meter.read". Perbarui Loket di komputer host, lalu kirim lagi.',
    )
    expect(await f.events(t.id)).toHaveLength(1)
  })

  it('runs each command in its own transaction: a refused one undoes only itself', async () => {
    const f = await fixture()
    const t = await f.open()
    // A kind that writes a note and is then refused (as a survey report might be half-way).
    const halfway = defineFieldKind({
      kind: 'test.halfway',
      permission: 'tickets.manage',
      module: 'tickets',
      payload: ticketNotePayload,
      apply: async (tx, { deps, caller }, p) => {
        await updateTicket(
          deps,
          caller.actor,
          { id: p.ticketId, note: p.note, reason: null },
          TZ,
          tx,
        )
        throw new AppError('NOT_FOUND', 'the rest of it')
      },
    })
    const results = await syncFieldCommands(
      f.deps,
      f.rudi,
      [
        f.note(t.id, 'Pertama'),
        { ...f.note(t.id, 'Separuh jalan'), kind: 'test.halfway' },
        f.note(t.id, 'Ketiga'),
      ],
      [...FIELD_KINDS, halfway],
    )
    expect(results.map((r) => r.status)).toEqual(['applied', 'conflict', 'applied'])
    expect((await f.events(t.id)).map((e) => e.note)).toEqual(['Pertama', 'Ketiga'])
    const rows = await f.db
      .selectFrom('field_commands')
      .select(['kind', 'status'])
      .orderBy('id')
      .execute()
    expect(rows).toEqual([
      { kind: 'ticket.note', status: 'applied' },
      { kind: 'test.halfway', status: 'conflict' },
      { kind: 'ticket.note', status: 'applied' },
    ])
  })

  it('needs the kind’s permission and module', async () => {
    const f = await fixture()
    const t = await f.open()
    const viewer = f.caller(f.rudiId, 'rudi', ['tickets.view'])
    const off = f.caller(f.rudiId, 'rudi', ['tickets.view', 'tickets.manage'], {
      ...DEFAULT_MODULES,
      tickets: false,
    })
    const [a] = await f.sync([f.note(t.id, 'x')], viewer)
    const [b] = await f.sync([f.note(t.id, 'y')], off)
    expect([a!.code, b!.code]).toEqual(['FORBIDDEN', 'MODULE_DISABLED'])
    expect(b!.reason).toContain('Modul Tiket sedang dimatikan')
    expect(await f.events(t.id)).toEqual([])
  })
})

describe('field.tasks', () => {
  it('lists my open tickets, due first, with the customer’s contacts and a map link', async () => {
    const f = await fixture()
    const a = await f.open(f.rudiId, 'Internet mati')
    f.clock.set('2026-12-05T02:00:00Z')
    const b = await f.open(f.rudiId, 'Lambat malam hari')
    await f.open(f.joniId, 'Punya Joni')
    const done = await f.open(f.rudiId, 'Sudah beres')
    await f.office(done.id, { status: 'dibatalkan' })
    await f.sync([f.note(a.id, 'Dicek siang ini')])

    const tasks = await fieldTasks(f.deps, f.rudi)
    expect(tasks.map((t) => t.number)).toEqual([a.number, b.number])
    expect(tasks[0]).toMatchObject({
      kind: 'ticket',
      key: `ticket:${a.id}`,
      title: 'Internet mati',
      status: 'baru',
      customer: {
        name: 'Budi Santoso',
        phone: '0812-3456-7890',
        mapUrl: 'https://maps.google.com/?q=-6.2,106.8166',
      },
    })
    expect(tasks[0]!.history[0]).toMatchObject({ kind: 'note', note: 'Dicek siang ini' })
    expect(await fieldTasks(f.deps, f.caller(f.rudiId, 'rudi', []))).toEqual([])
  })
})

describe('field.sync stock.use and ticket.photo', () => {
  const tech: Permission[] = ['tickets.view', 'tickets.manage', 'warehouse.view']
  async function stockFixture() {
    const f = await fixture()
    const files = memoryFileStore()
    const gudang = (await saveWarehouse(f.deps, f.actor, { name: 'Gudang Pusat', address: null }))
      .id
    const item = async (name: string, unit: string, serial: boolean) =>
      (
        await saveStockItem(f.deps, f.actor, {
          name,
          unit: unit as 'pcs',
          serial,
          lowThreshold: 0,
          active: true,
        })
      ).id
    const kabel = await item('Kabel drop core', 'meter', false)
    const ont = await item('ONT ZTE F609', 'pcs', true)
    await stockIn(f.deps, f.actor, { itemId: kabel, warehouseId: gudang, qty: 100 })
    await stockIn(f.deps, f.actor, {
      itemId: ont,
      warehouseId: gudang,
      qty: 2,
      serials: ['ZTE001', 'ZTE002'],
    })
    await issueStock(f.deps, f.actor, {
      itemId: kabel,
      warehouseId: gudang,
      technicianId: f.rudiId,
      qty: 50,
    })
    await issueStock(f.deps, f.actor, {
      itemId: ont,
      warehouseId: gudang,
      technicianId: f.rudiId,
      qty: 1,
      serials: ['ZTE001'],
    })
    const rudi = f.caller(f.rudiId, 'rudi', tech)
    const sync = (commands: FieldCommand[], who = rudi) =>
      syncFieldCommands({ ...f.deps, files }, who, commands)
    const use = (payload: Record<string, unknown>, id = uuid()): FieldCommand => ({
      id,
      kind: 'stock.use',
      payload,
      at: '2026-12-05T09:00:00+07:00',
    })
    const held = async (itemId: number) =>
      (await technicianStock(f.db, f.companyId, f.rudiId)).find((s) => s.itemId === itemId)
    return { ...f, files, kabel, ont, rudi, sync, use, held }
  }

  it('records what the technician used from his hand once per UUID, tied to the ticket’s customer', async () => {
    const f = await stockFixture()
    const t = await f.open()
    const batch = [
      f.use({ itemId: f.kabel, qty: 30, ticketId: t.id }),
      f.use({ itemId: f.ont, qty: 1, serials: ['zte001'], ticketId: t.id }),
    ]
    const first = await f.sync(batch)
    expect(first.map((r) => r.status)).toEqual(['applied', 'applied'])
    expect(first[0]!.result).toMatchObject({ itemId: f.kabel, qty: 30, left: 20 })
    const again = await f.sync(batch)
    expect(again.map((r) => [r.status, r.original])).toEqual([
      ['duplicate', 'applied'],
      ['duplicate', 'applied'],
    ])
    expect((await f.held(f.kabel))?.qty).toBe(20)
    expect(await f.held(f.ont)).toBeUndefined()
    const uses = await f.db
      .selectFrom('stock_movements')
      .select(['batch', 'qty', 'customer_id', 'username'])
      .where('kind', '=', 'use')
      .orderBy('id')
      .execute()
    expect(uses).toEqual([
      { batch: batch[0]!.id, qty: -30, customer_id: f.budi.customerId, username: 'rudi' },
      { batch: batch[1]!.id, qty: -1, customer_id: f.budi.customerId, username: 'rudi' },
    ])
    const serial = await f.db
      .selectFrom('stock_serials')
      .select(['holder_kind', 'customer_id'])
      .where('serial', '=', 'ZTE001')
      .executeTakeFirstOrThrow()
    expect(serial).toEqual({ holder_kind: 'customer', customer_id: f.budi.customerId })
  })

  it('answers stock that ran out or a serial not in hand with a conflict, and changes nothing', async () => {
    const f = await stockFixture()
    const t = await f.open()
    const [ranOut, notHeld] = await f.sync([
      f.use({ itemId: f.kabel, qty: 80, ticketId: t.id }),
      f.use({ itemId: f.ont, qty: 1, serials: ['ZTE002'], ticketId: t.id }),
    ])
    expect(ranOut).toMatchObject({ status: 'conflict', code: 'STOCK_INSUFFICIENT' })
    expect(ranOut!.reason).toContain('Kabel drop core')
    expect(ranOut!.reason).toContain('50')
    expect(notHeld).toMatchObject({ status: 'conflict', code: 'STOCK_SERIAL_INVALID' })
    expect(notHeld!.reason).toContain('ZTE002')
    expect((await f.held(f.kabel))?.qty).toBe(50)
    expect((await f.held(f.ont))?.serials).toEqual(['ZTE001'])
    const uses = await f.db
      .selectFrom('stock_movements')
      .select('id')
      .where('kind', '=', 'use')
      .execute()
    expect(uses).toEqual([])
  })

  it('needs warehouse.view and the warehouse module for stock.use', async () => {
    const f = await stockFixture()
    const noView = f.caller(f.rudiId, 'rudi', ['tickets.view', 'tickets.manage'])
    const off = f.caller(f.rudiId, 'rudi', tech, { ...DEFAULT_MODULES, warehouse: false })
    const [a] = await f.sync([f.use({ itemId: f.kabel, qty: 1 })], noView)
    const [b] = await f.sync([f.use({ itemId: f.kabel, qty: 1 })], off)
    expect([a!.code, b!.code]).toEqual(['FORBIDDEN', 'MODULE_DISABLED'])
    expect((await f.held(f.kabel))?.qty).toBe(50)
  })

  it('attaches a photo from the phone to my ticket once per UUID', async () => {
    const f = await stockFixture()
    const t = await f.open()
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1])
    const photo: FieldCommand = {
      id: uuid(),
      kind: 'ticket.photo',
      payload: {
        ticketId: t.id,
        fileName: 'foto-onu.jpg',
        mime: 'image/jpeg',
        contentBase64: jpeg.toString('base64'),
      },
      at: '2026-12-05T09:05:00+07:00',
    }
    const [first] = await f.sync([photo])
    expect(first).toMatchObject({ status: 'applied', result: { number: t.number } })
    const [again] = await f.sync([photo])
    expect(again).toMatchObject({ status: 'duplicate', original: 'applied' })
    const list = await listTicketAttachments(f.deps, f.companyId, t.id)
    expect(list.map((a) => [a.fileName, a.mime, a.size, a.username])).toEqual([
      ['foto-onu.jpg', 'image/jpeg', jpeg.length, 'rudi'],
    ])

    // Not an image, or a ticket of someone else: refused, nothing attached.
    const other = await f.open(f.joniId, 'Redaman tinggi')
    const [bad] = await f.sync([
      { ...photo, id: uuid(), payload: { ...photo.payload, contentBase64: 'aGFsbw==' } },
    ])
    const [notMine] = await f.sync([
      { ...photo, id: uuid(), payload: { ...photo.payload, ticketId: other.id } },
    ])
    expect([bad!.code, notMine!.code]).toEqual(['VALIDATION', 'FIELD_NOT_ASSIGNED'])
    expect(await listTicketAttachments(f.deps, f.companyId, other.id)).toEqual([])
    expect(await listTicketAttachments(f.deps, f.companyId, t.id)).toHaveLength(1)
  })
})
