import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, seedCustomers } from '../helpers/cli-process'
import { startRouterSim, type RouterSim } from '../sim/routeros'
import { databaseHolds, makeDataDir } from '../helpers/data-dir'

const cli = (...args: string[]) => runCli(dataDir, args)

let dataDir: string
const ROUTER_PASSWORD = 'Router-Rahasia-4821'
let sim: RouterSim
let login = ''
let code = ''

beforeAll(async () => {
  dataDir = await makeDataDir('loket-net-cli-')
  sim = await startRouterSim({ port: 0, users: [{ name: 'admin', password: ROUTER_PASSWORD }] })
  for (const name of ['10M', 'ISOLIR']) sim.state.add('/ppp/profile', { name })
  expect(
    (
      await cli(
        'init',
        '--company',
        'Net Jaya',
        '--admin-user',
        'owner',
        '--admin-password',
        'Sangat-Rahasia-42',
      )
    ).code,
  ).toBe(0)
})
afterAll(async () => {
  await sim.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('router, isolir and the device queue from the CLI', () => {
  it('router add keeps the password sealed, and router test shows identity and version', async () => {
    const added = await cli(
      'router',
      'add',
      '--name',
      'POP Utama',
      '--host',
      '127.0.0.1',
      '--port',
      String(sim.port),
      '--user',
      'admin',
      '--password',
      ROUTER_PASSWORD,
    )
    expect(added).toMatchObject({ code: 0, json: { id: 1, name: 'POP Utama', tls: false } })
    // A password of its own: "=admin" was also found whenever the simulator's random port ended
    // in byte 0x3D ('='), stored right before the user name "admin" in the row (1 run in 256).
    expect(await databaseHolds(dataDir, ROUTER_PASSWORD)).toBe(false)

    const tested = await cli('router', 'test', 'POP Utama')
    expect(tested).toMatchObject({
      code: 0,
      json: { ok: true, identity: 'MikroTik', version: expect.stringContaining('7.18') },
    })
  })

  it('router test explains a wrong password in Indonesian', async () => {
    await cli(
      'router',
      'add',
      '--name',
      'Salah',
      '--host',
      '127.0.0.1',
      '--port',
      String(sim.port),
      '--user',
      'admin',
      '--password',
      'keliru',
    )
    const wrong = await cli('router', 'test', 'Salah')
    expect(wrong.code).toBe(1)
    expect(wrong.json).toMatchObject({
      error: {
        code: 'ROUTER_AUTH',
        message: expect.stringContaining('kata sandi'),
      },
    })
  })

  it('isolir apply / restore --customer change the router through the queue', async () => {
    // A customer with a PPPoE service on the router, made through the same core services.
    const [budi] = await seedCustomers(dataDir, ['Budi Santoso'], { routerId: 1 })
    code = budi!.code
    login = budi!.login

    const queue = await cli('jobs', 'run', 'device-queue')
    expect(queue).toMatchObject({ code: 0, json: { job: 'device-queue', applied: 1, failed: 0 } })
    expect(sim.state.find('/ppp/secret', { name: login })[0]).toMatchObject({ profile: '10M' })

    sim.state.setOnline([{ name: login }])
    const isolated = await cli('isolir', 'apply', '--customer', code)
    expect(isolated).toMatchObject({
      code: 0,
      // The isolir notice is about arrears: Budi owes nothing, so he is not told about any.
      json: {
        action: 'isolir',
        changed: 1,
        router: { applied: 1 },
        notices: { queued: 0, skipped_no_arrears: 1 },
      },
    })
    expect(sim.state.find('/ppp/secret', { name: login })[0]).toMatchObject({ profile: 'ISOLIR' })
    expect(sim.kicked).toEqual([login])

    const twice = await cli('isolir', 'apply', '--customer', code)
    expect(twice.json).toMatchObject({ changed: 0, skipped: [{ reason: 'already_isolated' }] })

    const restored = await cli('isolir', 'restore', '--customer', code)
    expect(restored).toMatchObject({
      code: 0,
      json: { action: 'restore', changed: 1, router: { applied: 1 } },
    })
    expect(sim.state.find('/ppp/secret', { name: login })[0]).toMatchObject({ profile: '10M' })

    const quiet = await cli('isolir', 'apply', '--customer', code, '--no-notice')
    expect(quiet.json).toMatchObject({ changed: 1, notices: { disabled: 1 } })
    expect((await cli('isolir', 'restore', '--customer', code)).code).toBe(0)
  })

  it('a router that is down leaves the job queued; jobs run device-queue applies it later', async () => {
    await sim.down()
    const isolated = await cli('isolir', 'apply', '--customer', code)
    expect(isolated.json).toMatchObject({ changed: 1, router: { applied: 0, retrying: 1 } })
    const stillDown = await cli('jobs', 'run', 'device-queue')
    expect(stillDown).toMatchObject({ code: 1, json: { applied: 0, retrying: 1 } })
    await sim.up()
    const later = await cli('jobs', 'run', 'device-queue')
    expect(later).toMatchObject({ code: 0, json: { applied: 1 } })
    expect(sim.state.find('/ppp/secret', { name: login })[0]).toMatchObject({ profile: 'ISOLIR' })
  })

  it('an unknown customer is a clear error', async () => {
    const r = await cli('isolir', 'apply', '--customer', 'NOPE-1')
    expect(r).toMatchObject({ code: 1, json: { error: { code: 'NOT_FOUND' } } })
  })
})
