import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { autoMap } from './columns'
import { parseAreas, parseCustomers, parseProducts } from './parse-rows'
import { readTable } from './read-table'

const fixture = (name: string) =>
  readFile(new URL(`../../../../test/fixtures/imports/${name}`, import.meta.url))

async function load(name: string) {
  return readTable(await fixture(name), name)
}

describe('the sample files in test/fixtures/imports', () => {
  it('areas.csv and paket.csv define CBG01, BJG02 and the three packages', async () => {
    const areas = await load('areas.csv')
    const areaResult = parseAreas(areas, autoMap('areas', areas.headers).mapping)
    expect(areaResult.errors).toEqual([])
    expect(areaResult.rows.map((r) => r.value.code)).toEqual(['CBG01', 'BJG02'])

    const paket = await load('paket.csv')
    const productResult = parseProducts(paket, autoMap('products', paket.headers).mapping)
    expect(productResult.errors).toEqual([])
    expect(productResult.rows.map((r) => [r.value.name, r.value.monthlyPrice])).toEqual([
      ['Rumah 10 Mbps', 150000],
      ['Rumah 20 Mbps', 200000],
      ['Bisnis 50 Mbps', 450000],
    ])
  })

  it('pelanggan-20.csv: 20 customers, no errors, only known areas and packages', async () => {
    const table = await load('pelanggan-20.csv')
    const { mapping, unknownHeaders, missingRequired } = autoMap('customers', table.headers)
    expect([unknownHeaders, missingRequired]).toEqual([[], []])
    const { rows, errors } = parseCustomers(table, mapping)
    expect(errors).toEqual([])
    expect(rows).toHaveLength(20)
    expect(new Set(rows.map((r) => r.value.areaCode))).toEqual(new Set(['CBG01', 'BJG02']))
    expect(new Set(rows.map((r) => r.value.productName))).toEqual(
      new Set(['Rumah 10 Mbps', 'Rumah 20 Mbps', 'Bisnis 50 Mbps']),
    )
    // Phones come written as 0812-…, +62 812… and 62812…; all end up as 62….
    expect(rows.every((r) => r.value.phone?.startsWith('62'))).toBe(true)
  })
})

describe('a large file', () => {
  // Speed is measured by `npm run bench` (import of 10,000 rows); this checks the result only.
  it('10,000 distinct customer rows parse without errors', async () => {
    const table = await load('pelanggan-20.csv')
    const header = (await fixture('pelanggan-20.csv')).toString('utf8').split('\r\n')[0]!
    // 10,000 distinct customers: codes, names, phones and logins made unique per row.
    const lines = [header]
    for (let i = 0; i < 10_000; i++) {
      const n = String(i).padStart(5, '0')
      const base = table.rows[i % 20]!.cells.slice()
      base[0] = `CBG01-${n}`
      base[1] = `Pelanggan ${n}`
      base[2] = `0812-77${n.slice(0, 2)}-${n.slice(2)}1`
      base[14] = `user.${n}`
      lines.push(base.map((c) => (c.includes(';') ? `"${c}"` : c)).join(';'))
    }
    const data = Buffer.from(lines.join('\r\n'))
    const big = await readTable(data, 'besar.csv')
    const { rows, errors } = parseCustomers(big, autoMap('customers', big.headers).mapping)
    expect(errors).toEqual([])
    expect(rows).toHaveLength(10_000)
  })
})
