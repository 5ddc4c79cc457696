import { rmSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { initCompany, runCli } from '../helpers/cli-process'
import { makeDataDir } from '../helpers/data-dir'

/** `stock warehouse / item / in / items` as an operator runs them. */
let dataDir: string
const cli = (args: string[], o: { human?: boolean } = {}) => runCli(dataDir, args, o)

beforeAll(async () => {
  dataDir = await makeDataDir('loket-stock-cli-')
  await initCompany(dataDir, 'Net Jaya', { user: 'owner', password: 'Sangat-Rahasia-42' })
}, 60_000)
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

it('adds a warehouse and an item, takes stock in and lists it', { timeout: 90_000 }, async () => {
  expect((await cli(['stock', 'warehouse', '--name', 'Gudang Pusat'])).code).toBe(0)
  const item = await cli(['stock', 'item', '--name', 'ONT ZTE F609', '--unit', 'pcs', '--per-unit'])
  expect(item.code, item.stderr).toBe(0)
  const stockIn = await cli(
    ['stock', 'in', '--item', 'ont zte f609', '--qty', '2', '--sn', 'ZTE1', '--sn', 'ZTE2'],
    { human: true },
  )
  expect(stockIn.code, stockIn.stderr).toBe(0)
  expect(stockIn.stdout).toContain('2 pcs ONT ZTE F609 masuk ke Gudang Pusat')
  const items = await cli(['stock', 'items'])
  expect(items.json.items).toMatchObject([{ name: 'ONT ZTE F609', inWarehouses: 2 }])
  const wrong = await cli(['stock', 'in', '--item', 'Router', '--qty', '1'], { human: true })
  expect(wrong.code).not.toBe(0)
  expect(wrong.stderr).toContain('tidak ada barang aktif bernama Router')
})
