import { rmSync } from 'node:fs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initCompany, runCli, seedCustomers } from '../helpers/cli-process'
import { makeDataDir, rowsIn } from '../helpers/data-dir'

/**
 * `ticket open / list / update` as an operator runs them: the number printed on opening, the
 * list with its time left, the ticket moved to selesai, and both customer messages in the outbox.
 */
let dataDir: string
let code: string
const cli = (args: string[], o: { human?: boolean } = {}) => runCli(dataDir, args, o)

beforeAll(async () => {
  dataDir = await makeDataDir('loket-tickets-cli-')
  await initCompany(dataDir, 'Net Jaya', { user: 'owner', password: 'Sangat-Rahasia-42' })
  code = (await seedCustomers(dataDir, ['Budi Santoso']))[0]!.code
}, 60_000)

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true })
})

describe('ticket CLI', () => {
  it('opens a ticket, lists it and takes it to selesai', { timeout: 90_000 }, async () => {
    const open = await cli(
      [
        'ticket',
        'open',
        '--customer',
        code,
        '--category',
        'gangguan',
        '--priority',
        'darurat',
        '--title',
        'Internet mati total',
        '--medium',
        'whatsapp',
      ],
      { human: true },
    )
    expect(open.code, open.stderr).toBe(0)
    expect(open.stdout.split('\n')[0]).toMatch(/^TKT\/\d{4}\/000001$/)
    const number = open.stdout.split('\n')[0]!

    const list = await cli(['ticket', 'list', '--status', 'baru'])
    expect(list.code).toBe(0)
    const [row] = list.json.tickets as { number: string; minutesLeft: number; breached: boolean }[]
    expect(row).toMatchObject({ number, breached: false })
    expect(row!.minutesLeft).toBeGreaterThan(230)
    const human = await cli(['ticket', 'list'], { human: true })
    expect(human.stdout).toContain(`${number}`)
    expect(human.stdout).toContain('Internet mati total')
    expect(human.stdout).toMatch(/jam \d+ menit lagi/)

    // A jump is refused with the reason in words; the steps in order are not.
    const jump = await cli(['ticket', 'update', number, '--status', 'selesai'], { human: true })
    expect(jump.code).toBe(1)
    expect(jump.stderr).toContain('tidak bisa diubah dari "baru" ke "selesai"')
    const steps = [
      ['--status', 'dalam_proses', '--assign', 'owner', '--note', 'Teknisi berangkat'],
      ['--status', 'menunggu_konfirmasi'],
      ['--status', 'selesai', '--note', 'Konektor diganti'],
    ]
    for (const step of steps) {
      const r = await cli(['ticket', 'update', number.toLowerCase(), ...step])
      expect(r.code, JSON.stringify(r.json)).toBe(0)
    }
    const done = await cli(['ticket', 'list', '--status', 'selesai'])
    expect((done.json.tickets as { number: string }[]).map((t) => t.number)).toEqual([number])
    const reopen = await cli(['ticket', 'update', number, '--status', 'dalam_proses'])
    expect(reopen.json).toMatchObject({
      ok: false,
      error: { code: 'TICKET_REOPEN_REASON_REQUIRED' },
    })

    const messages = await rowsIn<{ kind: string; body: string }>(
      dataDir,
      sql`SELECT kind, body FROM messages ORDER BY id`,
    )
    expect(messages.map((m) => m.kind)).toEqual(['complaint_received', 'complaint_resolved'])
    expect(messages[0]!.body).toContain(number)
    const events = await rowsIn<{ kind: string; to_status: string | null; note: string | null }>(
      dataDir,
      sql`SELECT kind, to_status, note FROM ticket_events ORDER BY id`,
    )
    expect(events.map((e) => [e.kind, e.to_status, e.note])).toEqual([
      ['created', 'baru', null],
      ['assigned', null, null],
      ['status', 'dalam_proses', 'Teknisi berangkat'],
      ['status', 'menunggu_konfirmasi', null],
      ['status', 'selesai', 'Konektor diganti'],
    ])
  })
})
