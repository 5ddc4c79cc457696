import { describe, expect, it } from 'vitest'
import { createArea } from '../catalog'
import { updateCustomerSettings } from '../companies'
import { addService, createCustomer, listCustomers } from './index'
import { catalogFixture, customerInput, serviceInput } from './testing'

type Fixture = Awaited<ReturnType<typeof catalogFixture>>

/** Customers with their own address and phone, created in the order given. */
async function seed(
  f: Fixture,
  people: { name: string; address?: string; phone?: string; areaId?: number }[],
) {
  const ids: number[] = []
  for (const p of people) {
    const input = customerInput(p.areaId ?? f.cbg.id, p.name, p.phone ?? null)
    const c = await createCustomer(f.deps, f.actor, { ...input, address: p.address ?? 'Cibinong' })
    ids.push(c.id)
  }
  return ids
}

/** What the counter asks: a search text, eight rows, no explicit sort. */
const counter = async (f: Fixture, q: string) =>
  listCustomers(f.deps, f.actor.companyId, { q, limit: 8 })
const names = async (f: Fixture, q: string) => (await counter(f, q)).rows.map((r) => r.name)

/** The base of the report: ten customers match "tri ning", mostly through their address. */
const TRI_NING = [
  { name: 'Agus Triyono', address: 'Perum Bening Indah' },
  { name: 'Bambang Setiawan', address: 'Jl. Kuningan, Triloka' },
  { name: 'Dedi Kurniawan', address: 'Gg. Kuning, Tridaya' },
  { name: 'Eka Putri', address: 'Jl. Tritura, Gg. Ningrat' },
  { name: 'Fitri Ningsih', address: 'Cibinong' },
  { name: 'Heru Saputra', address: 'Perum Tridaya, Blok Kuning' },
  { name: 'Laila Syafitri', address: 'Gg. Kuning 3' },
  { name: 'Ning Sari Handayani', address: 'Jl. Tridharma 2' },
  { name: 'Ning Tri Astuti', address: 'Cibinong' },
  { name: 'Tri Ning Setyowati', address: 'Cibinong' },
]

describe('the counter finds the customer the cashier meant', () => {
  it('"tri ning" puts Tri Ning Setyowati first, then Ning Tri Astuti, then the other matches', async () => {
    const f = await catalogFixture()
    await seed(f, TRI_NING)
    const found = await names(f, 'tri ning')
    expect(found.slice(0, 2)).toEqual(['Tri Ning Setyowati', 'Ning Tri Astuti'])
    expect(found).toHaveLength(8)
  })

  it('names whose words start with the typed words, in the typed order, come before other orders', async () => {
    const f = await catalogFixture()
    await seed(f, [
      { name: 'Dewi Sari' },
      { name: 'Dewi Sartika' },
      { name: 'Rina Sari Dewi' },
      { name: 'Sari Ayu Dewi' },
      { name: 'Sari Dewi Lestari' },
      { name: 'Ahmad Sarimin', address: 'Jl. Dewisri' },
    ])
    expect(await names(f, 'sari dewi')).toEqual([
      // The name begins with the typed words.
      'Sari Dewi Lestari',
      // The words as typed, later in the name.
      'Rina Sari Dewi',
      // Each word starts a word of the name, in the typed order, with another word between.
      'Sari Ayu Dewi',
      // Every typed word starts a word of the name, in another order.
      'Dewi Sari',
      // The rest of the matches: a word only inside a word, or only in the address.
      'Ahmad Sarimin',
    ])
  })

  it('an exact code, SID, PPPoE username or phone comes before names', async () => {
    // Numeric codes and SIDs, as some operators number their customers: "0001" is also part
    // of other customers' phone numbers.
    const byCode = await catalogFixture()
    const rt = await createArea(byCode.deps, byCode.actor, {
      code: 'RT05',
      name: 'RT 05',
      codePattern: '{0000}',
    })
    await seed(byCode, [
      { name: 'Zaenal Arifin', areaId: rt.id },
      { name: 'Aan Hidayat', areaId: rt.id, phone: '6281200001111' },
    ])
    expect(await names(byCode, '0001')).toEqual(['Zaenal Arifin', 'Aan Hidayat'])

    const bySid = await catalogFixture()
    await updateCustomerSettings(bySid.deps, bySid.actor, {
      sidPattern: 'S{0000}',
      pppoeUsernameRule: '{kode}',
      pppoePasswordLength: 8,
    })
    const [zaenal, aan] = await seed(bySid, [
      { name: 'Zaenal Arifin' },
      { name: 'Aan Hidayat', address: 'Ruko S0002, Cibinong' },
    ])
    await addService(bySid.deps, bySid.actor, serviceInput(aan!, bySid.p10.id), bySid.tz)
    await addService(bySid.deps, bySid.actor, serviceInput(zaenal!, bySid.p10.id), bySid.tz)
    expect(await names(bySid, 's0002')).toEqual(['Zaenal Arifin', 'Aan Hidayat'])

    const byPppoe = await catalogFixture()
    const [owner] = await seed(byPppoe, [{ name: 'Zaenal Arifin' }, { name: 'Budi Santoso' }])
    await addService(
      byPppoe.deps,
      byPppoe.actor,
      { ...serviceInput(owner!, byPppoe.p10.id), pppoeUsername: 'budi' },
      byPppoe.tz,
    )
    expect(await names(byPppoe, 'budi')).toEqual(['Zaenal Arifin', 'Budi Santoso'])

    const byPhone = await catalogFixture()
    await seed(byPhone, [
      { name: 'Zaenal Arifin', phone: '6281234567890' },
      { name: 'Aan Hidayat', phone: '62812345678901' },
    ])
    expect(await names(byPhone, '0812-3456-7890')).toEqual(['Zaenal Arifin', 'Aan Hidayat'])
  })

  it('says how many matched beyond the rows shown', async () => {
    const f = await catalogFixture()
    await seed(f, TRI_NING)
    const found = await counter(f, 'tri ning')
    expect({ shown: found.rows.length, total: found.total }).toEqual({ shown: 8, total: 10 })
  })

  it('a short word after a longer one matches the start of any word of the name', async () => {
    const f = await catalogFixture()
    await seed(f, [{ name: 'Budi Santoso' }, { name: 'Budiman' }, { name: 'Siti Budiarti' }])
    expect(await names(f, 'budi s')).toEqual(['Budi Santoso', 'Siti Budiarti'])
  })

  it('an explicit sort still sorts: by name, A to Z', async () => {
    const f = await catalogFixture()
    await seed(f, TRI_NING)
    const sorted = await listCustomers(f.deps, f.actor.companyId, {
      q: 'tri ning',
      sort: 'name',
      limit: 3,
    })
    expect(sorted.rows.map((r) => r.name)).toEqual([
      'Agus Triyono',
      'Bambang Setiawan',
      'Dedi Kurniawan',
    ])
  })

  it('a NUL in the text (a CLI or a script calling core) is no SQLite error', async () => {
    const f = await catalogFixture()
    await seed(f, [{ name: 'Tri Ning Setyowati' }])
    expect(await names(f, 'setyo\u0000wati')).toEqual(['Tri Ning Setyowati'])
  })
})
