import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { calendarDate } from '@shared/dates'
import { pdfText } from '../documents'
import { companyFixture } from '../testing'
import { exportReport } from './export'
import { slaRate, ticketsReport } from './tickets-report'

const TZ = 'Asia/Jakarta'
const NOW = new Date('2026-12-10T00:00:00.000Z')
const DECEMBER = { from: calendarDate('2026-12-01'), to: calendarDate('2026-12-31') }

type Fixture = Awaited<ReturnType<typeof handMade>>
let f: Fixture | undefined

afterEach(async () => {
  await f?.db.destroy()
  f = undefined
})

/**
 * Tickets written by hand with exact times (UTC; Jakarta is UTC+7, so 1 December begins at
 * 2026-11-30T17:00Z). The report is asked for December 2026 on 10 December 00:00 UTC.
 */
async function handMade() {
  const c = await companyFixture('2026-11-01T00:00:00Z')
  const user = async (username: string, name: string) =>
    (
      await c.db
        .insertInto('users')
        .values({
          company_id: c.companyId,
          name,
          username,
          phone: null,
          email: null,
          role: 'technician',
          password_hash: 'x',
          must_change_password: 0,
          active: 1,
          created_at: '2026-11-01T00:00:00Z',
          updated_at: '2026-11-01T00:00:00Z',
          password_changed_at: null,
          deactivated_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const andi = await user('andi', 'Andi Teknisi')
  const budi = await user('budi', 'Budi Teknisi')
  let n = 0
  const ticket = (t: {
    category: string
    priority: string
    assignee: number | null
    status: string
    created: string
    responseDue: string
    responded?: string
    resolutionDue: string
    resolved?: string
  }) =>
    c.db
      .insertInto('tickets')
      .values({
        company_id: c.companyId,
        number: `TKT/2026/${String(++n).padStart(6, '0')}`,
        year: 2026,
        customer_id: null,
        service_id: null,
        category: t.category,
        priority: t.priority,
        medium: 'telepon',
        title: `Tiket ${n}`,
        description: null,
        status: t.status,
        assignee_id: t.assignee,
        device_serial: null,
        pic_name: null,
        pic_phone: null,
        first_response_due_at: t.responseDue,
        resolution_due_at: t.resolutionDue,
        first_responded_at: t.responded ?? null,
        resolved_at: t.resolved ?? null,
        created_by: null,
        created_at: t.created,
        updated_at: t.created,
      })
      .execute()

  // 1. Resolved exactly at its due time: within SLA; answered in time.
  await ticket({
    category: 'gangguan',
    priority: 'tinggi',
    assignee: andi,
    status: 'selesai',
    created: '2026-12-02T01:00:00.000Z',
    responseDue: '2026-12-02T02:00:00.000Z',
    responded: '2026-12-02T01:30:00.000Z',
    resolutionDue: '2026-12-02T09:00:00.000Z',
    resolved: '2026-12-02T09:00:00.000Z',
  })
  // 2. Resolved a millisecond late; answered five minutes late.
  await ticket({
    category: 'gangguan',
    priority: 'darurat',
    assignee: andi,
    status: 'selesai',
    created: '2026-12-03T00:00:00.000Z',
    responseDue: '2026-12-03T00:15:00.000Z',
    responded: '2026-12-03T00:20:00.000Z',
    resolutionDue: '2026-12-03T04:00:00.000Z',
    resolved: '2026-12-03T04:00:00.001Z',
  })
  // 3. Still being worked; answered in time.
  await ticket({
    category: 'tagihan',
    priority: 'sedang',
    assignee: budi,
    status: 'dalam_proses',
    created: '2026-12-04T00:00:00.000Z',
    responseDue: '2026-12-04T04:00:00.000Z',
    responded: '2026-12-04T03:59:00.000Z',
    resolutionDue: '2026-12-05T00:00:00.000Z',
  })
  // 4. Nobody answered, and the response due time has passed: late.
  await ticket({
    category: 'tagihan',
    priority: 'rendah',
    assignee: null,
    status: 'baru',
    created: '2026-12-05T00:00:00.000Z',
    responseDue: '2026-12-05T08:00:00.000Z',
    resolutionDue: '2026-12-08T00:00:00.000Z',
  })
  // 5. Not answered yet, but not due yet either: not counted for the first response.
  await ticket({
    category: 'gangguan',
    priority: 'tinggi',
    assignee: budi,
    status: 'baru',
    created: '2026-12-09T23:30:00.000Z',
    responseDue: '2026-12-10T00:30:00.000Z',
    resolutionDue: '2026-12-10T07:30:00.000Z',
  })
  // 6. Opened in November, resolved at 00:30 on 1 December in Jakarta, in time.
  await ticket({
    category: 'perangkat',
    priority: 'tinggi',
    assignee: andi,
    status: 'selesai',
    created: '2026-11-28T00:00:00.000Z',
    responseDue: '2026-11-28T01:00:00.000Z',
    responded: '2026-11-28T00:10:00.000Z',
    resolutionDue: '2026-12-01T00:00:00.000Z',
    resolved: '2026-11-30T17:30:00.000Z',
  })
  // 7. Opened at 23:59 on 30 November in Jakarta, resolved in January: not in December at all.
  await ticket({
    category: 'gangguan',
    priority: 'sedang',
    assignee: budi,
    status: 'selesai',
    created: '2026-11-30T16:59:00.000Z',
    responseDue: '2026-11-30T20:59:00.000Z',
    responded: '2026-11-30T17:10:00.000Z',
    resolutionDue: '2026-12-01T16:59:00.000Z',
    resolved: '2027-01-01T00:00:00.000Z',
  })
  // 8. Cancelled at once (the cancellation is its first response): opened, never resolved.
  await ticket({
    category: 'lainnya',
    priority: 'sedang',
    assignee: null,
    status: 'dibatalkan',
    created: '2026-12-06T00:00:00.000Z',
    responseDue: '2026-12-06T04:00:00.000Z',
    responded: '2026-12-06T00:05:00.000Z',
    resolutionDue: '2026-12-07T00:00:00.000Z',
  })
  // 9. Solved, then reopened (resolved_at cleared): opened, not resolved.
  await ticket({
    category: 'pemasangan',
    priority: 'sedang',
    assignee: null,
    status: 'dalam_proses',
    created: '2026-12-07T00:00:00.000Z',
    responseDue: '2026-12-07T04:00:00.000Z',
    responded: '2026-12-07T01:00:00.000Z',
    resolutionDue: '2026-12-08T00:00:00.000Z',
  })
  return { ...c, andi, budi }
}

const report = () => ticketsReport(f!.db, f!.companyId, { ...DECEMBER, timeZone: TZ, now: NOW })

describe('tickets report', () => {
  it('a share is a percentage with one decimal, and none over nothing', () => {
    expect(slaRate(2, 3)).toBe(66.7)
    expect(slaRate(1, 2)).toBe(50)
    expect(slaRate(3, 3)).toBe(100)
    expect(slaRate(0, 0)).toBeNull()
  })

  it('counts opened, resolved and resolved within SLA; resolved exactly at the due time is within', async () => {
    f = await handMade()
    const r = await report()
    expect(r.total).toEqual({
      opened: 7, // 1, 2, 3, 4, 5, 8, 9
      resolved: 3, // 1, 2, 6
      resolvedInSla: 2, // 1 (at the due time), 6
      resolvedInSlaRate: 66.7,
      firstResponseMeasured: 6, // all opened but 5 (not due yet)
      firstResponseInSla: 4, // 1, 3, 8, 9; 2 answered late, 4 not answered and late
      firstResponseInSlaRate: 66.7,
    })
  })

  it('by category: every active category in the settings’ order, zeros too', async () => {
    f = await handMade()
    const r = await report()
    expect(
      r.byCategory.map((c) => [
        c.label,
        c.opened,
        c.resolved,
        c.resolvedInSla,
        c.resolvedInSlaRate,
        c.firstResponseInSlaRate,
      ]),
    ).toEqual([
      ['Gangguan', 3, 2, 1, 50, 50], // 1, 2, 5: response 1 in time, 2 late, 5 not yet due
      ['Tagihan', 2, 0, 0, null, 50],
      ['Pemasangan', 1, 0, 0, null, 100],
      ['Pindah alamat', 0, 0, 0, null, null],
      ['Perangkat', 0, 1, 1, 100, null],
      ['Lainnya', 1, 0, 0, null, 100],
    ])
  })

  it('by priority (most urgent first) and by assignee (nobody last); each adds up to the total', async () => {
    f = await handMade()
    const r = await report()
    expect(
      r.byPriority.map((p) => [
        p.priority,
        p.opened,
        p.resolved,
        p.resolvedInSla,
        p.resolvedInSlaRate,
      ]),
    ).toEqual([
      ['darurat', 1, 1, 0, 0],
      ['tinggi', 2, 2, 2, 100],
      ['sedang', 3, 0, 0, null],
      ['rendah', 1, 0, 0, null],
    ])
    expect(
      r.byAssignee.map((a) => [a.name, a.opened, a.resolved, a.resolvedInSla, a.resolvedInSlaRate]),
    ).toEqual([
      ['Andi Teknisi', 2, 3, 2, 66.7],
      ['Budi Teknisi', 2, 0, 0, null],
      [null, 3, 0, 0, null],
    ])
    for (const groups of [r.byCategory, r.byPriority, r.byAssignee]) {
      const sum = (k: 'opened' | 'resolved' | 'resolvedInSla' | 'firstResponseInSla') =>
        groups.reduce((s, g) => s + g[k], 0)
      expect([
        sum('opened'),
        sum('resolved'),
        sum('resolvedInSla'),
        sum('firstResponseInSla'),
      ]).toEqual([
        r.total.opened,
        r.total.resolved,
        r.total.resolvedInSla,
        r.total.firstResponseInSla,
      ])
    }
  })

  it('the range is whole days in the company’s time zone', async () => {
    f = await handMade()
    // 30 November (Jakarta) holds ticket 7's opening and nothing else.
    const r = await ticketsReport(f.db, f.companyId, {
      from: calendarDate('2026-11-30'),
      to: calendarDate('2026-11-30'),
      timeZone: TZ,
      now: NOW,
    })
    expect([r.total.opened, r.total.resolved]).toEqual([1, 0])
    expect(r.byAssignee.map((a) => a.name)).toEqual(['Budi Teknisi'])
  })

  it('exports to Excel and PDF with the shares and how they are counted', async () => {
    f = await handMade()
    const o = { now: NOW, today: calendarDate('2026-12-10'), timeZone: TZ }
    const xlsx = await exportReport(
      f.db,
      f.companyId,
      { report: 'tickets', params: DECEMBER },
      'xlsx',
      o,
    )
    expect(xlsx.fileName).toBe('tiket-2026-12-01-2026-12-31.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.data as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getCell('A1').value).toBe('Tiket per periode')
    expect(String(sheet.getCell('A2').value)).toContain('paling lambat pada batas waktunya')
    const rows: unknown[][] = []
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    expect(rows).toContainEqual(['Kategori', 'Gangguan', 3, 2, 1, '50%', '50%'])
    expect(rows).toContainEqual(['Penanggung jawab', 'Andi Teknisi', 2, 3, 2, '66,7%', '50%'])
    expect(rows).toContainEqual(['Total', undefined, 7, 3, 2, '66,7%', '66,7%'])

    const pdf = await exportReport(
      f.db,
      f.companyId,
      { report: 'tickets', params: DECEMBER },
      'pdf',
      o,
    )
    const text = pdfText(pdf.data)
    expect(text).toContain('Tiket per periode')
    expect(text).toContain('Belum ditugaskan')
    expect(text).toContain('66,7%')
  })
})
