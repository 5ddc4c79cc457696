import { rmSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { initCompany, runCli } from '../helpers/cli-process'
import { makeDataDir } from '../helpers/data-dir'

let dataDir: string
beforeAll(async () => {
  dataDir = await makeDataDir('loket-modules-cli-')
  await initCompany(dataDir, 'Net Jaya', { user: 'owner', password: 'Sangat-Rahasia-42' })
})
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

it('company modules prints the switches, --set changes them (audited), a wrong one is refused', async () => {
  expect((await runCli(dataDir, ['company', 'modules'])).json).toEqual({
    ok: true,
    modules: {
      hotspot: true,
      advancedReports: true,
      tickets: true,
      warehouse: true,
      oltAcs: true,
      portal: true,
    },
  })
  const off = await runCli(dataDir, ['company', 'modules', '--set', 'hotspot=off'])
  expect(off.json.modules).toEqual({
    hotspot: false,
    advancedReports: true,
    tickets: true,
    warehouse: true,
    oltAcs: true,
    portal: true,
  })
  const human = await runCli(dataDir, ['company', 'modules'], { human: true })
  expect(human.stdout).toContain('Hotspot (hotspot): mati')
  expect(human.stdout).toContain('Laporan lanjutan (advancedReports): menyala')

  const wrong = await runCli(dataDir, ['company', 'modules', '--set', 'tiket=on'])
  expect(wrong.code).toBe(1)
  expect(wrong.json).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  const audit = await runCli(dataDir, ['audit', 'verify'])
  expect(audit.json).toMatchObject({ ok: true })
})

it('olt commands are refused while the OLT & ACS module is off, like the API, and work again once it is on', async () => {
  await runCli(dataDir, ['company', 'modules', '--set', 'oltAcs=off'])
  const refused = await runCli(dataDir, ['olt', 'list'])
  expect(refused.code).toBe(1)
  expect(refused.json).toMatchObject({ ok: false, error: { code: 'MODULE_DISABLED' } })
  const human = await runCli(dataDir, ['olt', 'list'], { human: true })
  expect(human.stderr + human.stdout).toContain('Modul OLT & ACS sedang dimatikan')

  await runCli(dataDir, ['company', 'modules', '--set', 'oltAcs=on'])
  const listed = await runCli(dataDir, ['olt', 'list'])
  expect(listed.code).toBe(0)
})
