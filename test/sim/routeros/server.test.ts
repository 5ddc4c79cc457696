import { afterEach, describe, expect, it } from 'vitest'
import { seedDemo } from './demo.js'
import { RawClient, attrsOf, rowsOf } from './client.js'
import {
  type RouterSim,
  type RouterSimOptions,
  legacyLoginResponse,
  startRouterSim,
} from './index.js'
import { encodeSentence } from './words.js'

const sims: RouterSim[] = []
const clients: RawClient[] = []

async function start(options: RouterSimOptions = {}): Promise<RouterSim> {
  const sim = await startRouterSim(options)
  sims.push(sim)
  return sim
}

async function connect(sim: RouterSim, login = true, tls = false): Promise<RawClient> {
  const c = await RawClient.connect(sim.port, { tls })
  clients.push(c)
  if (login) expect(await c.login()).toEqual([['!done']])
  return c
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close()
  for (const s of sims.splice(0)) await s.close()
})

describe('login', () => {
  it('computes the legacy response of the INTEGRATIONS.md test vector', () => {
    expect(legacyLoginResponse('secret', '856780b7411eefd3abadee2058c149a3')).toBe(
      '009622e621f0892961a28bcf7a0cea13e4',
    )
  })

  it('accepts name+password and traps a wrong password without closing', async () => {
    const sim = await start({ users: [{ name: 'api', password: 's3cret' }] })
    const c = await connect(sim, false)
    expect(await c.login('api', 'nope')).toEqual([
      ['!trap', '=message=invalid user name or password (6)'],
      ['!done'],
    ])
    expect(await c.login('admin', 'admin')).toEqual([
      ['!trap', '=message=invalid user name or password (6)'],
      ['!done'],
    ])
    expect(await c.login('api', 's3cret')).toEqual([['!done']])
    expect(sim.commands).toEqual([])
  })

  it('refuses commands before login', async () => {
    const sim = await start()
    const c = await connect(sim, false)
    expect(await c.command(['/system/identity/print', '.tag=1'])).toEqual([
      ['!trap', '.tag=1', '=message=not logged in'],
      ['!done', '.tag=1'],
    ])
  })

  it('does the legacy challenge/response login', async () => {
    const sim = await start({ legacyLogin: true, users: [{ name: 'admin', password: 'secret' }] })
    const c = await connect(sim, false)
    const [challenge] = await c.command(['/login'])
    expect(challenge![0]).toBe('!done')
    const ret = attrsOf(challenge!).ret!
    expect(ret).toMatch(/^[0-9a-f]{32}$/)
    expect(
      await c.command(['/login', '=name=admin', `=response=${legacyLoginResponse('wrong', ret)}`]),
    ).toEqual([['!trap', '=message=invalid user name or password (6)'], ['!done']])
    const [again] = await c.command(['/login', '=name=admin', '=password=secret'])
    const ret2 = attrsOf(again!).ret!
    expect(ret2).toMatch(/^[0-9a-f]{32}$/)
    expect(
      await c.command([
        '/login',
        '=name=admin',
        `=response=${legacyLoginResponse('secret', ret2)}`,
      ]),
    ).toEqual([['!done']])
    expect(rowsOf(await c.command(['/system/identity/print']))).toEqual([{ name: 'MikroTik' }])
  })
})

describe('commands', () => {
  it('echoes .tag on every reply sentence', async () => {
    const sim = await start()
    sim.state.add('/ppp/secret', { name: 'a' })
    sim.state.add('/ppp/secret', { name: 'b' })
    const c = await connect(sim)
    const reply = await c.command(['/ppp/secret/print', '.tag=xyz', '=.proplist=name'])
    expect(reply).toEqual([
      ['!re', '.tag=xyz', '=name=a'],
      ['!re', '.tag=xyz', '=name=b'],
      ['!done', '.tag=xyz'],
    ])
  })

  it('sends !empty on an empty print, unless emptyReplies is off', async () => {
    const sim = await start()
    const c = await connect(sim)
    expect(await c.command(['/ppp/secret/print', '.tag=1'])).toEqual([
      ['!empty', '.tag=1'],
      ['!done', '.tag=1'],
    ])
    sim.knobs.emptyReplies = false
    expect(await c.command(['/ppp/secret/print'])).toEqual([['!done']])
    const old = await start({ version: '7.15.3 (stable)' })
    expect(old.knobs.emptyReplies).toBe(false)
    const c2 = await connect(old)
    expect(await c2.command(['/ip/hotspot/active/print'])).toEqual([['!done']])
  })

  it('adds with =ret=*ID, prints defaults, honours .proplist', async () => {
    const sim = await start()
    const c = await connect(sim)
    expect(await c.command(['/ppp/profile/add', '=name=10M', '=rate-limit=10M/10M'])).toEqual([
      ['!done', '=ret=*1'],
    ])
    const add = await c.command([
      '/ppp/secret/add',
      '=name=budi',
      '=password=x',
      '=service=pppoe',
      '=profile=10M',
      '=remote-address=10.10.10.2',
      '=comment=CBG01-0001',
    ])
    expect(add).toEqual([['!done', '=ret=*1']])
    expect(await c.command(['/ppp/secret/add', '=name=sari'])).toEqual([['!done', '=ret=*2']])
    const rows = rowsOf(await c.command(['/ppp/secret/print']))
    expect(rows[0]).toMatchObject({
      '.id': '*1',
      name: 'budi',
      password: 'x',
      service: 'pppoe',
      profile: '10M',
      'remote-address': '10.10.10.2',
      comment: 'CBG01-0001',
      disabled: 'false',
    })
    expect(rows[1]).toMatchObject({ name: 'sari', service: 'any', profile: 'default' })
    const pl = await c.command(['/ppp/secret/print', '=.proplist=.id,name,nothere', '?name=sari'])
    expect(pl).toEqual([['!re', '=.id=*2', '=name=sari'], ['!done']])
    expect(sim.state.find('/ppp/secret', { name: 'budi' })[0]!.profile).toBe('10M')
  })

  it('supports every query form on print', async () => {
    const sim = await start()
    for (const [list, address] of [
      ['isolir', '10.10.10.2'],
      ['isolir', '10.10.10.3'],
      ['vip', '10.10.10.4'],
    ] as const) {
      sim.state.add('/ip/firewall/address-list', { list, address })
    }
    sim.state.add('/ip/firewall/address-list', { list: 'vip', address: '10.10.10.9', comment: 'x' })
    const c = await connect(sim)
    const q = async (...queries: string[]): Promise<string[]> =>
      rowsOf(
        await c.command(['/ip/firewall/address-list/print', '=.proplist=address', ...queries]),
      ).map((r) => r.address!)
    expect(await q('?list=isolir')).toEqual(['10.10.10.2', '10.10.10.3'])
    expect(await q('?comment')).toEqual(['10.10.10.9'])
    expect(await q('?-comment')).toEqual(['10.10.10.2', '10.10.10.3', '10.10.10.4'])
    expect(await q('?<.id=*3')).toEqual(['10.10.10.2', '10.10.10.3'])
    expect(await q('?>.id=*2')).toEqual(['10.10.10.4', '10.10.10.9'])
    expect(await q('?address=10.10.10.2', '?address=10.10.10.4', '?#|')).toEqual([
      '10.10.10.2',
      '10.10.10.4',
    ])
    expect(await q('?list=vip', '?comment', '?#&')).toEqual(['10.10.10.9'])
    expect(await q('?list=isolir', '?#!')).toEqual(['10.10.10.4', '10.10.10.9'])
    expect(await q('?list=isolir', '?list=vip', '?#.')).toEqual(['10.10.10.2', '10.10.10.3'])
    expect(await c.command(['/ip/firewall/address-list/print', '=count-only='])).toEqual([
      ['!done', '=ret=4'],
    ])
  })

  it('sets, enables, disables and removes by .id, id lists and names', async () => {
    const sim = await start()
    sim.state.add('/ppp/profile', { name: 'ISOLIR' })
    const a = sim.state.add('/ppp/secret', { name: 'a' })
    const b = sim.state.add('/ppp/secret', { name: 'b' })
    const c = await connect(sim)
    expect(await c.command(['/ppp/secret/set', `=.id=${a}`, '=profile=ISOLIR'])).toEqual([
      ['!done'],
    ])
    expect(await c.command(['/ppp/secret/set', `=.id=${a},${b}`, '=disabled=yes'])).toEqual([
      ['!done'],
    ])
    expect(sim.state.table('/ppp/secret').map((r) => [r.profile, r.disabled])).toEqual([
      ['ISOLIR', 'true'],
      ['default', 'true'],
    ])
    expect(await c.command(['/ppp/secret/enable', '=.id=b'])).toEqual([['!done']])
    expect(sim.state.find('/ppp/secret', { name: 'b' })[0]!.disabled).toBe('false')
    expect(await c.command(['/ppp/secret/disable', `=numbers=${b}`])).toEqual([['!done']])
    expect(sim.state.find('/ppp/secret', { name: 'b' })[0]!.disabled).toBe('true')
    // rename keeps the name index right
    expect(await c.command(['/ppp/secret/set', `=.id=${b}`, '=name=b2'])).toEqual([['!done']])
    expect(rowsOf(await c.command(['/ppp/secret/print', '?name=b2']))).toHaveLength(1)
    expect(await c.command(['/ppp/secret/print', '?name=b'])).toEqual([['!empty'], ['!done']])
    expect(await c.command(['/ppp/secret/remove', `=.id=${a}`])).toEqual([['!done']])
    expect(sim.state.table('/ppp/secret').map((r) => r.name)).toEqual(['b2'])
  })

  it('an id list naming one row that is gone is refused whole: no such item, nothing changed', async () => {
    // RouterOS resolves every id of `=.id=*1,*2` before it changes anything.
    const sim = await start()
    sim.state.setOnline([{ name: 'a' }, { name: 'b' }])
    const [a, b] = sim.state.table('/ppp/active').map((r) => r['.id']!)
    const c = await connect(sim)
    expect(await c.command(['/ppp/active/remove', `=.id=${a}`])).toEqual([['!done']])
    expect(await c.command(['/ppp/active/remove', `=.id=${a},${b}`])).toEqual([
      ['!trap', '=message=no such item'],
      ['!done'],
    ])
    expect(sim.state.table('/ppp/active').map((r) => r.name)).toEqual(['b'])
    expect(sim.kicked).toEqual(['a'])
  })

  it('finds rows a test renamed directly through table()', async () => {
    const sim = await start()
    sim.state.add('/ppp/secret', { name: 'old' })
    sim.state.table('/ppp/secret')[0]!.name = 'new'
    const c = await connect(sim)
    expect(rowsOf(await c.command(['/ppp/secret/print', '?name=new']))).toHaveLength(1)
    expect(await c.command(['/ppp/secret/print', '?name=old'])).toEqual([['!empty'], ['!done']])
  })

  it('seeds demo data for the CLI', async () => {
    const sim = await start()
    seedDemo(sim, 30)
    expect(sim.state.table('/ppp/secret')).toHaveLength(30)
    expect(sim.state.table('/ppp/active')).toHaveLength(20)
    expect(sim.state.find('/ppp/profile', { name: 'ISOLIR' })).toHaveLength(1)
  })

  it('traps like RouterOS', async () => {
    const sim = await start()
    const c = await connect(sim)
    await c.command(['/ppp/secret/add', '=name=budi'])
    expect(await c.command(['/ppp/secret/add', '=name=budi', '.tag=d'])).toEqual([
      ['!trap', '.tag=d', '=message=failure: secret with the same name already exists'],
      ['!done', '.tag=d'],
    ])
    expect(await c.command(['/ppp/secret/set', '=.id=*99', '=comment=x'])).toEqual([
      ['!trap', '=message=no such item'],
      ['!done'],
    ])
    expect(await c.command(['/ppp/secret/remove', '=.id=*99'])).toEqual([
      ['!trap', '=message=no such item'],
      ['!done'],
    ])
    expect(await c.command(['/ppp/secrets/print'])).toEqual([
      ['!trap', '=message=no such command prefix'],
      ['!done'],
    ])
    expect(await c.command(['/ppp/secret/frobnicate'])).toEqual([
      ['!trap', '=message=no such command'],
      ['!done'],
    ])
    expect(await c.command(['/ppp/secret/add', '=name=x', '=colour=red'])).toEqual([
      ['!trap', '=message=unknown parameter colour'],
      ['!done'],
    ])
    expect(await c.command(['/ppp/secret/add', '=password=x'])).toEqual([
      ['!trap', '=message=missing value(s) of argument(s) name'],
      ['!done'],
    ])
    expect(await c.command(['/ppp/secret/add', '=name=y', '=profile=NOPE'])).toEqual([
      ['!trap', '=message=input does not match any value of profile'],
      ['!done'],
    ])
    expect(await c.command(['/ip/firewall/address-list/add', '=list=isolir'])).toEqual([
      ['!trap', '=message=missing value(s) of argument(s) address'],
      ['!done'],
    ])
    for (const [menu, message] of [
      ['/ppp/profile', 'failure: profile with the same name already exists'],
      ['/ip/hotspot/user', 'failure: already have user with this name for this server'],
      ['/ip/hotspot/user/profile', 'failure: profile with the same name already exists'],
      ['/queue/simple', 'failure: queue with such name already exists'],
    ] as const) {
      expect((await c.command([`${menu}/add`, '=name=dup']))[0]![0]).toBe('!done')
      expect(await c.command([`${menu}/add`, '=name=dup'])).toEqual([
        ['!trap', `=message=${message}`],
        ['!done'],
      ])
    }
    // the connection still works after traps
    expect(rowsOf(await c.command(['/system/identity/print']))).toEqual([{ name: 'MikroTik' }])
  })

  it('serves identity, resource, interfaces, profiles, queues, hotspot', async () => {
    const sim = await start({ identity: 'CBG-01' })
    const c = await connect(sim)
    expect(rowsOf(await c.command(['/system/identity/print']))).toEqual([{ name: 'CBG-01' }])
    expect(await c.command(['/system/identity/set', '=name=CBG-02'])).toEqual([['!done']])
    expect(rowsOf(await c.command(['/system/identity/getall']))).toEqual([{ name: 'CBG-02' }])
    const [res] = rowsOf(await c.command(['/system/resource/print']))
    expect(res).toMatchObject({
      version: '7.18.2 (stable)',
      'board-name': 'RB4011iGS+',
      'architecture-name': 'arm',
      'cpu-count': '4',
      'total-memory': '1073741824',
    })
    expect(res!.uptime).toMatch(/^2d3h15m4\ds$/)
    expect(Number(res!['free-memory'])).toBeLessThan(1073741824)
    expect(Number(res!['cpu-load'])).toBeGreaterThanOrEqual(0)
    const ifaces = rowsOf(await c.command(['/interface/print']))
    expect(ifaces.map((r) => r.name)).toEqual([
      'ether1',
      'ether2',
      'ether3',
      'ether4',
      'ether5',
      'bridge-lan',
    ])
    expect(ifaces[0]).toMatchObject({ type: 'ether', running: 'true', disabled: 'false' })
    expect(ifaces[0]!['mac-address']).toMatch(/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/)
    const profiles = rowsOf(await c.command(['/ppp/profile/print', '=.proplist=name']))
    expect(profiles.map((r) => r.name)).toEqual(['default', 'default-encryption'])
    const hsp = rowsOf(await c.command(['/ip/hotspot/user/profile/print']))
    expect(hsp.map((r) => r.name)).toEqual(['default'])
    await c.command(['/ip/hotspot/user/profile/add', '=name=1hari', '=rate-limit=2M/2M'])
    expect(
      await c.command([
        '/ip/hotspot/user/add',
        '=name=v123',
        '=password=x',
        '=profile=1hari',
        '=limit-uptime=1d',
        '=limit-bytes-total=1073741824',
      ]),
    ).toEqual([['!done', '=ret=*1']])
    await c.command(['/queue/simple/add', '=name=budi', '=target=10.10.10.2', '=max-limit=10M/10M'])
    const [q] = rowsOf(await c.command(['/queue/simple/print', '?name=budi']))
    expect(q).toMatchObject({ target: '10.10.10.2/32', 'max-limit': '10000000/10000000' })
  })

  it('monitor-traffic once gives one row with changing numbers', async () => {
    const sim = await start()
    const c = await connect(sim)
    const r1 = await c.command(['/interface/monitor-traffic', '=interface=ether1', '=once='])
    expect(r1).toHaveLength(2)
    expect(r1[1]).toEqual(['!done'])
    const row = attrsOf(r1[0]!)
    expect(row.name).toBe('ether1')
    expect(Number(row['rx-bits-per-second'])).toBeGreaterThan(0)
    expect(Number(row['tx-bits-per-second'])).toBeGreaterThan(0)
    const r2 = await c.command(['/interface/monitor-traffic', '=interface=ether1', '=once='])
    expect(attrsOf(r2[0]!)['rx-bits-per-second']).not.toBe(row['rx-bits-per-second'])
    expect(await c.command(['/interface/monitor-traffic', '=interface=ether1'])).toEqual([
      ['!trap', '=message=only once is supported by this simulator'],
      ['!done'],
    ])
  })

  it("counts a hotspot user's bytes-in/bytes-out up to limit-bytes-total, then logs it out", async () => {
    const sim = await start()
    const c = await connect(sim)
    await c.command([
      '/ip/hotspot/user/add',
      '=name=v9',
      '=password=v9',
      '=limit-bytes-total=1000000',
    ])
    expect(sim.state.addHotspotTraffic('nobody', 1, 1)).toBe(false)
    sim.state.setOnline([{ name: 'v9', service: 'hotspot' }])
    const session = sim.state.table('/ip/hotspot/active')[0]!
    const before = Number(session['bytes-in']) + Number(session['bytes-out'])
    expect(sim.state.addHotspotTraffic('v9', 100_000, 600_000)).toBe(true)
    const [row] = rowsOf(
      await c.command([
        '/ip/hotspot/user/print',
        '?name=v9',
        '=.proplist=bytes-in,bytes-out,limit-bytes-total',
      ]),
    )
    expect(row).toEqual({
      'bytes-in': '100000',
      'bytes-out': '600000',
      'limit-bytes-total': '1000000',
    })
    const online = sim.state.table('/ip/hotspot/active')[0]!
    expect(Number(online['bytes-in']) + Number(online['bytes-out'])).toBe(before + 700_000)

    // 500 kB more would pass the limit: the router stops at 1,000,000 and ends the session.
    sim.state.addHotspotTraffic('v9', 0, 500_000)
    expect(sim.state.find('/ip/hotspot/user', { name: 'v9' })[0]).toMatchObject({
      'bytes-in': '100000',
      'bytes-out': '900000',
    })
    expect(sim.state.table('/ip/hotspot/active')).toEqual([])
    expect(sim.kicked).toEqual([])
  })

  it('records kicks from /ppp/active and /ip/hotspot/active', async () => {
    const sim = await start()
    sim.state.setOnline([
      { name: 'budi', address: '10.10.10.2', callerId: 'AA:BB:CC:DD:EE:01', uptime: '1h2m3s' },
      { name: 'sari' },
      { name: 'v123', service: 'hotspot' },
    ])
    const c = await connect(sim)
    const active = rowsOf(await c.command(['/ppp/active/print']))
    expect(active).toHaveLength(2)
    expect(active[0]).toMatchObject({
      '.id': '*1',
      name: 'budi',
      service: 'pppoe',
      'caller-id': 'AA:BB:CC:DD:EE:01',
      address: '10.10.10.2',
      uptime: '1h2m3s',
      radius: 'false',
    })
    expect(active[0]!['session-id']).toMatch(/^0x/)
    const [budi] = rowsOf(await c.command(['/ppp/active/print', '?name=budi', '=.proplist=.id']))
    expect(await c.command(['/ppp/active/remove', `=.id=${budi!['.id']}`])).toEqual([['!done']])
    const [hs] = rowsOf(await c.command(['/ip/hotspot/active/print']))
    expect(hs!.user).toBe('v123')
    await c.command(['/ip/hotspot/active/remove', `=.id=${hs!['.id']}`])
    expect(sim.kicked).toEqual(['budi', 'v123'])
    expect(sim.state.table('/ppp/active').map((r) => r.name)).toEqual(['sari'])
    expect(sim.commands.map((x) => x.command)).toContain('/ppp/active/remove')
    expect(sim.commands.find((x) => x.command === '/ppp/active/print')).toEqual({
      command: '/ppp/active/print',
      attrs: {},
      queries: [],
    })
  })
})

describe('knobs', () => {
  it("latency: a router answers a connection's commands in order, latencyMs apart", async () => {
    // Large enough that a loaded CI machine cannot blur "one after the other" into "together".
    const sim = await start({ latencyMs: 300 })
    const c = await connect(sim)
    const t0 = performance.now()
    c.write(['/system/identity/print', '.tag=a'])
    c.write(['/system/identity/print', '.tag=b'])
    const ra = await c.reply()
    const first = performance.now() - t0
    const rb = await c.reply()
    const second = performance.now() - t0
    expect(ra[0]).toContain('.tag=a')
    expect(rb[0]).toContain('.tag=b')
    expect(first).toBeGreaterThanOrEqual(299)
    expect(second).toBeGreaterThanOrEqual(599) // the second waits for the first
    sim.knobs.latencyMs = 0
    const t1 = performance.now()
    await c.command(['/system/identity/print'])
    expect(performance.now() - t1).toBeLessThan(290)
  })

  it('latency: each connection has its own queue (two connections work at once)', async () => {
    const sim = await start({ latencyMs: 300 })
    const [a, b] = await Promise.all([connect(sim), connect(sim)])
    const t0 = performance.now()
    a.write(['/system/identity/print', '.tag=a'])
    b.write(['/system/identity/print', '.tag=b'])
    await Promise.all([a.reply(), b.reply()])
    expect(performance.now() - t0).toBeLessThan(590)
  })

  it('silent: accepts connections, never answers', async () => {
    const sim = await start()
    sim.knobs.silent = true
    const c = await connect(sim, false)
    expect(sim.connectionCount()).toBe(1)
    c.write(['/login', '=name=admin', '=password=admin'])
    await expect(c.next(150)).rejects.toThrow(/no sentence/)
    sim.knobs.silent = false
    const c2 = await connect(sim)
    expect(rowsOf(await c2.command(['/system/identity/print']))).toHaveLength(1)
  })

  it('untaggedNext drops the tag of the next reply only', async () => {
    const sim = await start()
    const c = await connect(sim)
    sim.knobs.untaggedNext()
    expect(await c.command(['/ppp/secret/remove', '=.id=*9', '.tag=5'])).toEqual([
      ['!trap', '=message=no such item'],
      ['!done'],
    ])
    expect(await c.command(['/ppp/secret/print', '.tag=6'])).toEqual([
      ['!empty', '.tag=6'],
      ['!done', '.tag=6'],
    ])
  })

  it('trapNext traps the next matching command once', async () => {
    const sim = await start()
    const c = await connect(sim)
    sim.knobs.trapNext('/ppp/secret/add', 'failure: out of memory', 1)
    sim.knobs.trapNext(/active\/print$/, 'busy')
    expect(await c.command(['/system/identity/print', '.tag=1'])).toHaveLength(2)
    expect(await c.command(['/ppp/secret/add', '=name=a', '.tag=2'])).toEqual([
      ['!trap', '.tag=2', '=category=1', '=message=failure: out of memory'],
      ['!done', '.tag=2'],
    ])
    expect(sim.state.table('/ppp/secret')).toHaveLength(0)
    expect(await c.command(['/ppp/secret/add', '=name=a'])).toEqual([['!done', '=ret=*1']])
    expect(await c.command(['/ppp/active/print'])).toEqual([['!trap', '=message=busy'], ['!done']])
  })

  it('fatalNext sends !fatal and closes the connection', async () => {
    const sim = await start()
    const c = await connect(sim)
    sim.knobs.fatalNext('out of memory')
    expect(await c.command(['/system/identity/print', '.tag=1'])).toEqual([
      ['!fatal', 'out of memory'],
    ])
    await c.closed
    const c2 = await connect(sim)
    expect(await c2.command(['/quit'])).toEqual([['!fatal', 'session terminated on request']])
    await c2.closed
  })

  it('dropAfter answers N commands then destroys the connection', async () => {
    const sim = await start()
    const c = await connect(sim)
    sim.knobs.dropAfter(2)
    for (let i = 0; i < 4; i++) c.write(['/system/identity/print', `.tag=${i}`])
    const got: string[][] = []
    for (;;) {
      const s = await c.next()
      if (!s) break
      got.push(s)
    }
    expect(got.filter((s) => s[0] === '!done').map(attrsOf)).toEqual([
      { '.tag': '0' },
      { '.tag': '1' },
    ])
    expect(c.isClosed).toBe(true)
    const c2 = await connect(sim)
    sim.knobs.dropAfter(0)
    c2.write(['/system/identity/print'])
    expect(await c2.next()).toBeNull()
    await expect.poll(() => sim.connectionCount()).toBe(0)
  })

  it('down() drops everyone and refuses; up() listens on the same port with state kept', async () => {
    const sim = await start()
    sim.state.add('/ppp/secret', { name: 'keep' })
    const c = await connect(sim)
    const port = sim.port
    expect(sim.acceptedCount()).toBe(1)
    await sim.down()
    await c.closed
    expect(sim.connectionCount()).toBe(0)
    await expect(RawClient.connect(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    await sim.up()
    expect(sim.port).toBe(port)
    const c2 = await connect(sim)
    expect(rowsOf(await c2.command(['/ppp/secret/print', '=.proplist=name']))).toEqual([
      { name: 'keep' },
    ])
    expect(sim.acceptedCount()).toBe(2)
    expect(sim.connectionCount()).toBe(1)
  })
})

describe('transport', () => {
  it('serves API-SSL with the fixture certificate', async () => {
    const sim = await start({ tls: true })
    const c = await connect(sim, true, true)
    expect(rowsOf(await c.command(['/system/identity/print']))).toEqual([{ name: 'MikroTik' }])
  })

  it('handles a command written one byte at a time', async () => {
    const sim = await start()
    const c = await connect(sim)
    const bytes = encodeSentence(['/system/identity/print', '=.proplist=name', '.tag=slow'])
    for (const b of bytes) {
      c.writeRaw(Buffer.from([b]))
      await new Promise((r) => setImmediate(r))
    }
    expect(await c.reply()).toEqual([
      ['!re', '.tag=slow', '=name=MikroTik'],
      ['!done', '.tag=slow'],
    ])
  })

  it('answers 2,000 pipelined commands correctly, in order (latency 1 ms, 50,000 secrets)', async () => {
    const sim = await start({ latencyMs: 1 })
    for (let i = 0; i < 50_000; i++) {
      sim.state.add('/ppp/secret', { name: `pel${i}`, password: 'x', profile: 'default' })
    }
    const c = await connect(sim)
    const N = 2_000
    const chunks: Buffer[] = []
    for (let i = 0; i < N; i++) {
      const words =
        i % 2 === 0
          ? ['/ppp/secret/print', '=.proplist=.id,name,profile', `?name=pel${i}`, `.tag=${i}`]
          : [
              '/ppp/secret/set',
              `=.id=*${(i + 1).toString(16).toUpperCase()}`,
              '=comment=x',
              `.tag=${i}`,
            ]
      chunks.push(encodeSentence(words))
    }
    const t0 = performance.now()
    c.writeRaw(Buffer.concat(chunks))
    const done = new Set<string>()
    let rows = 0
    while (done.size < N) {
      const s = await c.next(10_000)
      if (!s) throw new Error('connection closed')
      const a = attrsOf(s)
      if (s[0] === '!done') done.add(a['.tag']!)
      else if (s[0] === '!re') {
        rows++
        expect(a.name).toBe(`pel${a['.tag']}`)
      } else throw new Error(`unexpected ${s.join(' ')}`)
    }
    const ms = performance.now() - t0
    console.log(`2,000 pipelined commands (latency 1 ms, 50,000 secrets): ${ms.toFixed(0)} ms`)
    expect(ms).toBeGreaterThanOrEqual(N - 1) // one after the other, 1 ms each
    expect(rows).toBe(N / 2)
    expect(sim.state.find('/ppp/secret', { name: 'pel1' })[0]!.comment).toBe('x')
    expect(sim.commands).toHaveLength(N)
  })
})
