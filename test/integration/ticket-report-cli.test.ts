import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initCompany, runCli, seedCustomers } from '../helpers/cli-process'
import { makeDataDir } from '../helpers/data-dir'

/** `report tickets` as an operator runs it: the shares within SLA as JSON, text and files. */
let dataDir: string
let code: string
const cli = (args: string[], o: { human?: boolean } = {}) => runCli(dataDir, args, o)

beforeAll(async () => {
  dataDir = await makeDataDir('loket-ticket-report-cli-')
  await initCompany(dataDir, 'Net Jaya', { user: 'owner', password: 'Sangat-Rahasia-42' })
  code = (await seedCustomers(dataDir, ['Budi Santoso']))[0]!.code
}, 60_000)

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true })
})

describe('report tickets', () => {
  it(
    'counts a ticket solved at once as within SLA and writes Excel and PDF',
    { timeout: 90_000 },
    async () => {
      const open = await cli(
        [
          'ticket',
          'open',
          '--customer',
          code,
          '--category',
          'tagihan',
          '--priority',
          'sedang',
          '--title',
          'Tagihan dobel',
        ],
        { human: true },
      )
      expect(open.code, open.stderr).toBe(0)
      const number = open.stdout.split('\n')[0]!
      for (const status of ['dalam_proses', 'menunggu_konfirmasi', 'selesai']) {
        const moved = await cli(['ticket', 'update', number, '--status', status])
        expect(moved.code, moved.stderr).toBe(0)
      }

      const today = new Date().toISOString().slice(0, 10)
      const from = '2000-01-01'
      const xlsx = path.join(dataDir, 'tiket.xlsx')
      const pdf = path.join(dataDir, 'tiket.pdf')
      const r = await cli([
        'report',
        'tickets',
        '--from',
        from,
        '--to',
        '2100-12-31',
        '--xlsx',
        xlsx,
        '--pdf',
        pdf,
      ])
      expect(r.code, r.stderr).toBe(0)
      expect(r.json.total).toMatchObject({
        opened: 1,
        resolved: 1,
        resolvedInSla: 1,
        resolvedInSlaRate: 100,
      })
      expect(existsSync(xlsx) && existsSync(pdf)).toBe(true)

      const text = await cli(['report', 'tickets', '--from', from, '--to', today], { human: true })
      expect(text.stdout).toContain('Tiket per periode')
      expect(text.stdout).toContain('Tagihan')

      const bad = await cli(['report', 'tickets', '--from', today], { human: true })
      expect(bad.code).not.toBe(0)
    },
  )
})
