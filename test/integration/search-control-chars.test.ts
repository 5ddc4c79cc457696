import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OWNER, apiCode, setupCompany, startTestHost, type TestHost } from '../helpers/http-host'

let host: TestHost
let owner: ReturnType<TestHost['client']>
beforeAll(async () => {
  host = await startTestHost()
  await setupCompany(host)
  owner = host.client((await host.client().auth.login.mutate(OWNER)).token)
  const area = await owner.catalog.createArea.mutate({ code: 'CBG01', name: 'Cibinong' })
  await owner.customers.create.mutate({
    name: 'Budi Santoso',
    areaId: area.id,
    address: 'Jl. Mawar 3',
    phone: '0812-1111-2222',
  })
})
afterAll(async () => {
  await host.stop()
})

// U+0000 cut the full-text query short inside SQLite; the other C0/C1 controls are no text either.
const CONTROLS = ['bud\u0000i', '\u0000', 'bud\u0001i san\u001ftoso', 'budi\u007f', '\u0085budi']

describe('a search with control characters', () => {
  it('the customer list strips them and still finds the customer, never a 500', async () => {
    for (const q of CONTROLS) {
      const list = await owner.customers.list.query({ q })
      expect(list.rows.every((r) => r.name === 'Budi Santoso')).toBe(true)
    }
    expect((await owner.customers.list.query({ q: 'bud\u0000i' })).total).toBe(1)
  })

  it('the message history and the broadcast audience answer too', async () => {
    for (const q of CONTROLS) {
      expect(await apiCode(owner.messaging.list.query({ q }))).toBe('ok')
      expect(await apiCode(owner.messaging.broadcastPreview.query({ q }))).toBe('ok')
    }
    const audience = await owner.messaging.broadcastPreview.query({ q: 'bud\u0000i' })
    expect(audience.total).toBe(1)
  })
})

describe('a NUL in a text field', () => {
  it('is dropped from what is stored (PostgreSQL refuses it, SQLite kept it invisible): never a 500', async () => {
    const area = await owner.catalog.createArea.mutate({
      code: 'BGR01',
      name: 'Bo\u0000gor',
    })
    const c = await owner.customers.create.mutate({
      name: 'Siti\u0000 Aminah',
      areaId: area.id,
      address: 'Jl. Melati\u0000 7\nRT 01',
      phone: '0812-3333-4444',
    })
    const saved = await owner.customers.get.query({ id: c.id })
    expect(saved.name).toBe('Siti Aminah')
    expect(saved.address).toBe('Jl. Melati 7\nRT 01')
    expect(
      await apiCode(owner.customers.terminate.mutate({ customerId: c.id, reason: 'a\u0000b' })),
    ).toBe('ok')
  })
})
