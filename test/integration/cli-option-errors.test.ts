import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, seedCustomers } from '../helpers/cli-process'
import { makeDataDir } from '../helpers/data-dir'

let dataDir: string
let customer: string

beforeAll(async () => {
  dataDir = await makeDataDir('loket-cli-options-')
  const init = await runCli(dataDir, [
    'init',
    '--company',
    'Net Jaya',
    '--admin-user',
    'owner',
    '--admin-password',
    'Sangat-Rahasia-42',
  ])
  expect(init.code).toBe(0)
  const [seeded] = await seedCustomers(dataDir, ['Ani Lestari'])
  customer = seeded!.code
})
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('a wrong option on the command line (a real child process)', () => {
  it('tells the terminal user which option to fix, in Indonesian, not "the form"', async () => {
    const r = await runCli(
      dataDir,
      ['payment', 'record', '--customer', customer, '--amount', 'seratus ribu'],
      { human: true },
    )
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('--amount: Masukkan jumlah rupiah bulat, misalnya 150000.')
    expect(r.stderr).not.toContain('formulir')
    expect(r.stdout).toBe('')
  })

  it('--json keeps the code, the option and the message key for scripts', async () => {
    const r = await runCli(dataDir, ['payment', 'record', '--customer', customer, '--amount', 'x'])
    expect(r.code).toBe(1)
    expect(r.json).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: { issues: [{ option: '--amount', path: 'amount', message: 'validation.amount' }] },
      },
    })
  })

  it('a missing option and a bad period are named the same way', async () => {
    const missing = await runCli(dataDir, ['payment', 'record', '--amount', '150000'], {
      human: true,
    })
    expect(missing.stderr).toContain('--customer: wajib diisi.')
    const period = await runCli(dataDir, ['billing', 'run', '--period', '12/2026'], { human: true })
    expect(period.stderr).toContain('--period: tulis periode sebagai YYYY-MM, misalnya 2026-12.')
  })
})
