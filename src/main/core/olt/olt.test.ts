import { afterEach, describe, expect, it } from 'vitest'
import type { OltInput } from '@shared/schemas'
import { makeOnus, startOltSim, type OltSim, type SimVendor } from '../../../../test/sim/olt'
import { addService, createCustomer } from '../customers'
import { catalogFixture, customerInput, serviceInput } from '../customers/testing'
import { RouterPool } from '../network'
import { runJob, schedulerActor } from '../scheduler'
import {
  createOlt,
  customerOnu,
  linkOnu,
  listOnus,
  onuHistory,
  pollOlt,
  putOltSettings,
  testOlt,
  updateOlt,
  weakReport,
  type OltDeps,
} from '.'

const sims: OltSim[] = []
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()))
})

async function sim(vendor: SimVendor, count = 100, community = 'rahasia') {
  const s = await startOltSim({ vendor, community, onus: makeOnus(vendor, count) })
  sims.push(s)
  return s
}

const oltInput = (s: OltSim, name = 'OLT Cibinong', community = s.community): OltInput => ({
  name,
  vendor: s.vendor,
  host: s.host,
  port: s.port,
  version: 'v2c',
  community,
  v3User: '',
  v3AuthProtocol: 'sha',
  v3AuthKey: '',
  v3PrivProtocol: 'aes',
  v3PrivKey: '',
  notes: null,
  active: true,
})

async function fixture() {
  const f = await catalogFixture()
  // A wrong community is no answer: tests wait 1.5 s for it, once, not the host's 3 s twice
  // (shorter makes a busy machine's first walk look like a dead OLT).
  const deps: OltDeps = { ...f.deps, snmp: { timeoutMs: 1500, retries: 0 } }
  const customer = async (name: string, login: string | null) => {
    const c = await createCustomer(deps, f.actor, customerInput(f.cbg.id, name))
    const s = await addService(
      deps,
      f.actor,
      { ...serviceInput(c.id, f.p10.id), pppoeUsername: login },
      f.tz,
    )
    return { id: c.id, code: c.code, serviceId: s.id }
  }
  return { ...f, deps, customer }
}

/** The scheduler's `olt-poll` job, as the host runs it. */
const pollJob = (f: Awaited<ReturnType<typeof fixture>>, asOf: string) =>
  runJob(
    { ...f.deps, routers: new RouterPool() },
    {
      companyId: f.companyId,
      job: 'olt-poll',
      asOf,
      trigger: 'schedule',
      actor: schedulerActor(f.companyId),
    },
  )

describe('vendor profiles read the simulator of each vendor', () => {
  // makeOnus: ONU i+1 on slot 1 + ⌊i/512⌋, port 1 + ⌊i/64⌋ mod 8; every 10th −28.5 dBm, every
  // 25th LOS, every 40th dying gasp, the others −19 − (i mod 50)/10 dBm.
  const cases: [SimVendor, string, string, string][] = [
    ['zte-1012', '1/1/1', '1/1/2', 'ZTEGC0000000'],
    ['zte-1082', '1/1/1', '1/1/2', 'ZTEGC0000000'],
    ['huawei', '0/1/1', '0/1/2', 'HWTCC0000000'],
    ['cdata', '0/1/1', '0/1/2', 'CDTCC0000000'],
  ]
  for (const [vendor, firstPon, secondPon, firstSerial] of cases) {
    it(`${vendor}: PON ports, serials, names, status and RX in dBm`, async () => {
      const f = await fixture()
      const s = await sim(vendor, 100)
      const olt = await createOlt(f.deps, f.actor, oltInput(s))
      const report = await pollOlt(f.deps, f.companyId, olt.id)
      expect(report).toMatchObject({ onus: 100, added: 100, gone: 0 })

      const list = await listOnus(f.db, f.companyId, { oltId: olt.id, filter: 'all', search: '' })
      expect(list.pons.map((p) => [p.pon, p.total])).toEqual([
        [firstPon, 64],
        [secondPon, 36],
      ])
      const first = list.onus[0]!
      expect(first).toMatchObject({
        pon: firstPon,
        onuIndex: 1,
        serial: firstSerial,
        status: 'online',
        rxDbm: -19,
      })
      // Huawei names an ONU by its description only.
      expect(first.name).toBe(vendor === 'huawei' ? 'Pelanggan 0001' : 'pel0001')
      const byNumber = (n: number) => list.onus.find((o) => o.serial === s.onus[n - 1]!.serial)!
      expect(byNumber(7).rxDbm).toBe(-19.6)
      expect(byNumber(10)).toMatchObject({ rxDbm: -28.5, rxLevel: 'weak' })
      expect(byNumber(2).rxLevel).toBe('good')
      // LOS and dying gasp where the vendor tells them apart; down ONUs have no RX reading.
      const los = byNumber(25)
      const gasp = byNumber(40)
      expect(los.rxDbm).toBeNull()
      expect(gasp.rxDbm).toBeNull()
      if (vendor === 'cdata') {
        expect([los.status, gasp.status]).toEqual(['offline', 'offline'])
      } else {
        expect([los.status, gasp.status]).toEqual(['los', 'dying_gasp'])
      }
      if (vendor === 'huawei')
        expect([los.lastDownCause, gasp.lastDownCause]).toEqual(['LOS', 'dying-gasp'])
      expect(list.counts).toMatchObject({ total: 100, offline: 6 })
    })
  }

  it('ZTE 1012 reads slot and port from the ponIfIndex (1/2/3 is 0x10020300)', async () => {
    const f = await fixture()
    const onus = makeOnus('zte-1012', 1).map((o) => ({ ...o, slot: 2, port: 3 }))
    const s = await startOltSim({ vendor: 'zte-1012', community: 'c', onus })
    sims.push(s)
    const olt = await createOlt(f.deps, f.actor, oltInput(s))
    await pollOlt(f.deps, f.companyId, olt.id)
    const list = await listOnus(f.db, f.companyId, { oltId: olt.id, filter: 'all', search: '' })
    expect(list.onus.map((o) => o.pon)).toEqual(['1/2/3'])
  })

  it('reads an ONU list with one bulk walk per table, never a request per ONU', async () => {
    const f = await fixture()
    const s = await sim('huawei', 512)
    const olt = await createOlt(f.deps, f.actor, oltInput(s))
    await pollOlt(f.deps, f.companyId, olt.id)
    // Each walk starts with one GetBulk at the start of its table's first column Loket reads
    // (the others ride along in the same request), once per table.
    const starts = ['43.1.3', '46.1.15', '51.1.4'].map((c) => `1.3.6.1.4.1.2011.6.128.1.1.2.${c}`)
    expect(s.requests.filter((r) => starts.includes(r.oid)).map((r) => r.oid)).toEqual(starts)
    expect(s.requests.every((r) => r.type === 'getBulk')).toBe(true)
    // 512 ONUs × 5 columns at 60 per GetBulk: about 45 requests, not 512.
    expect(s.requests.length).toBeLessThan(60)
  })

  it('a later poll writes what changed (RX moved, an ONU down, a new name) and keeps the rest', async () => {
    const f = await fixture()
    const s = await sim('zte-1012', 4)
    const olt = await createOlt(f.deps, f.actor, oltInput(s))
    await pollOlt(f.deps, f.companyId, olt.id)
    const onus = makeOnus('zte-1012', 4)
    onus[0] = { ...onus[0]!, rxDbm: -21.5 }
    onus[1] = { ...onus[1]!, state: 'los', rxDbm: null }
    onus[2] = { ...onus[2]!, name: 'pel9999' }
    // The same OLT (address and community) answering with today's readings.
    sims.splice(sims.indexOf(s), 1)
    await s.close()
    sims.push(await startOltSim({ vendor: s.vendor, community: s.community, port: s.port, onus }))
    await pollOlt(f.deps, f.companyId, olt.id)
    const list = await listOnus(f.db, f.companyId, { oltId: olt.id, filter: 'all', search: '' })
    expect(list.onus.map((o) => [o.name, o.status, o.rxDbm, o.serial])).toEqual([
      ['pel0001', 'online', -21.5, 'ZTEGC0000000'],
      ['pel0002', 'los', null, 'ZTEGC0000001'],
      ['pel9999', 'online', -19.2, 'ZTEGC0000002'],
      ['pel0004', 'online', -19.3, 'ZTEGC0000003'],
    ])
  })
})

describe('an OLT that does not answer', () => {
  it('a wrong community times out with the address, and the OLT remembers why', async () => {
    const f = await fixture()
    const s = await sim('zte-1082', 4)
    const olt = await createOlt(f.deps, f.actor, oltInput(s, 'OLT Salah', 'bukan-ini'))
    await expect(testOlt(f.deps, f.companyId, { id: olt.id })).rejects.toMatchObject({
      code: 'OLT_TIMEOUT',
      details: { host: '127.0.0.1', port: s.port },
    })
    await expect(pollOlt(f.deps, f.companyId, olt.id)).rejects.toMatchObject({
      code: 'OLT_TIMEOUT',
    })
    const row = await f.db
      .selectFrom('olts')
      .select('last_error')
      .where('id', '=', olt.id)
      .executeTakeFirstOrThrow()
    expect(row.last_error).toBe('OLT_TIMEOUT')
  })

  it('the poll job reads the OLTs that answer and counts the one that does not', async () => {
    const f = await fixture()
    const good = await sim('zte-1012', 20)
    const bad = await sim('huawei', 20)
    await createOlt(f.deps, f.actor, oltInput(good, 'OLT Baik'))
    await createOlt(f.deps, f.actor, oltInput(bad, 'OLT Mati', 'salah'))
    const run = await pollJob(f, '2026-11-22')
    expect(run.counts).toMatchObject({ olts: 2, onus: 20, unreachable: 1 })
  })

  it('test connection answers sysDescr and uptime from a form before saving', async () => {
    const f = await fixture()
    const s = await sim('cdata', 2)
    const probe = await testOlt(f.deps, f.companyId, oltInput(s))
    expect(probe).toEqual({
      sysDescr: 'C-Data EPON OLT FD1104SN V1.5.3',
      sysName: 'OLT-cdata',
      uptimeSeconds: 1234567,
    })
  })
})

describe('the community is a secret bound to the OLT address', () => {
  it('is sealed for snmp://host:port and an edit to another address must type it again', async () => {
    const f = await fixture()
    const s = await sim('zte-1012', 1)
    const olt = await createOlt(f.deps, f.actor, oltInput(s))
    const row = await f.db
      .selectFrom('olts')
      .select('secret_sealed')
      .where('id', '=', olt.id)
      .executeTakeFirstOrThrow()
    expect(row.secret_sealed).not.toContain(s.community)
    expect(f.deps.secrets.openFor(row.secret_sealed, `snmp://127.0.0.1:${s.port}`)).toContain(
      s.community,
    )
    await expect(
      updateOlt(f.deps, f.actor, { ...oltInput(s), id: olt.id, host: '10.0.0.9', community: '' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    // The same address keeps the saved community.
    await updateOlt(f.deps, f.actor, {
      ...oltInput(s),
      id: olt.id,
      name: 'OLT Baru',
      community: '',
    })
    await expect(pollOlt(f.deps, f.companyId, olt.id)).resolves.toMatchObject({ onus: 1 })
  })
})

describe('linking ONUs to services', () => {
  it('links by PPPoE login or customer code, and a link made by hand stays', async () => {
    const f = await fixture()
    const s = await sim('zte-1082', 3)
    const budi = await f.customer('Budi', 'pel0001')
    const siti = await f.customer('Siti', null)
    s.onus[1]!.name = siti.code
    const agent = await startOltSim({ vendor: 'zte-1082', community: 'c2', onus: s.onus })
    sims.push(agent)
    const olt = await createOlt(f.deps, f.actor, oltInput(agent))
    expect((await pollOlt(f.deps, f.companyId, olt.id)).linked).toBe(2)
    const list = await listOnus(f.db, f.companyId, { oltId: olt.id, filter: 'all', search: '' })
    expect(list.onus.map((o) => [o.name, o.customerCode, o.link])).toEqual([
      ['pel0001', budi.code, 'auto'],
      [siti.code, siti.code, 'auto'],
      ['pel0003', null, null],
    ])
    // Unlinked by hand: the next poll does not link it again.
    await linkOnu(f.deps, f.actor, { onuId: list.onus[0]!.id, serviceId: null })
    await linkOnu(f.deps, f.actor, { onuId: list.onus[2]!.id, serviceId: budi.serviceId })
    await pollOlt(f.deps, f.companyId, olt.id)
    const after = await listOnus(f.db, f.companyId, {
      oltId: olt.id,
      filter: 'unlinked',
      search: '',
    })
    expect(after.onus.map((o) => o.name)).toEqual(['pel0001'])
    const card = await customerOnu(f.db, f.companyId, budi.id)
    expect(card.onus.map((o) => [o.name, o.status, o.rxLevel])).toEqual([
      ['pel0003', 'online', 'good'],
    ])
  })
})

describe('weak signal and offline report', () => {
  it('lists RX below −27 dBm and ONUs that are down; the line is the company’s', async () => {
    const f = await fixture()
    const s = await sim('huawei', 50)
    const olt = await createOlt(f.deps, f.actor, oltInput(s))
    await pollOlt(f.deps, f.companyId, olt.id)
    const report = await weakReport(f.db, f.companyId)
    // ONUs 10, 20, 30, 40 (dying gasp), 50 (LOS): −28.5 when up.
    expect(report.weak.map((o) => o.description)).toEqual([
      'Pelanggan 0010',
      'Pelanggan 0020',
      'Pelanggan 0030',
    ])
    expect(report.offline.map((o) => [o.description, o.status])).toEqual([
      ['Pelanggan 0025', 'los'],
      ['Pelanggan 0040', 'dying_gasp'],
      ['Pelanggan 0050', 'los'],
    ])
    // ONU i reads −19 − (i−1)/10 here: with the line at −23.75, ONU 49 (−23.8) is weak too.
    await putOltSettings(f.deps, f.actor, { weakRxDbm: -23.75, historyDays: 90 })
    const stricter = await weakReport(f.db, f.companyId)
    expect(stricter.weak.map((o) => [o.description, o.rxDbm])).toEqual([
      ['Pelanggan 0010', -28.5],
      ['Pelanggan 0020', -28.5],
      ['Pelanggan 0030', -28.5],
      ['Pelanggan 0049', -23.8],
    ])
  })
})

describe('RX history', () => {
  it('keeps one row per ONU per day from the poll job, lowest and highest of the day, and prunes', async () => {
    const f = await fixture()
    const s = await sim('zte-1012', 2)
    const olt = await createOlt(f.deps, f.actor, oltInput(s))
    const job = (asOf: string) => pollJob(f, asOf)
    await job('2026-11-22')
    await job('2026-11-22')
    f.clock.set('2026-11-23T03:00:00Z')
    await job('2026-11-23')
    const [first] = (
      await listOnus(f.db, f.companyId, { oltId: olt.id, filter: 'all', search: '' })
    ).onus
    const history = await onuHistory(f.db, f.companyId, first!.id)
    expect(history.days.map((d) => [d.day, d.samples, d.rxMin, d.rxMax])).toEqual([
      ['2026-11-23', 1, -19, -19],
      ['2026-11-22', 2, -19, -19],
    ])
    await putOltSettings(f.deps, f.actor, { weakRxDbm: -27, historyDays: 7 })
    f.clock.set('2026-11-30T03:00:00Z')
    const run = await job('2026-11-30')
    expect(run.counts.pruned).toBe(2)
    const kept = await onuHistory(f.db, f.companyId, first!.id)
    expect(kept.days.map((d) => d.day)).toEqual(['2026-11-30', '2026-11-23'])
  })
})
