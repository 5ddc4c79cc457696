import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, seedCustomers } from '../helpers/cli-process'
import { databaseHolds, makeDataDir } from '../helpers/data-dir'
import { readPath, startAcsSim, type AcsSim } from '../sim/acs'

const cli = (...args: string[]) => runCli(dataDir, args)
const NBI_PASSWORD = 'Nbi-Rahasia-5531'

let dataDir: string
let acs: AcsSim
let budi: { code: string; login: string }
let siti: { code: string; login: string }
let budiCpe: string

beforeAll(async () => {
  dataDir = await makeDataDir('loket-acs-cli-')
  acs = await startAcsSim({ auth: { username: 'loket', password: NBI_PASSWORD } })
  const init = await cli(
    'init',
    '--company',
    'Net Jaya',
    '--admin-user',
    'owner',
    '--admin-password',
    'Sangat-Rahasia-42',
  )
  expect(init.code).toBe(0)
  ;[budi, siti] = (await seedCustomers(dataDir, ['Budi Santoso', 'Siti Aminah'])) as [
    { code: string; login: string },
    { code: string; login: string },
  ]
  budiCpe = acs.addCpe({
    model: 'tr098',
    oui: '00259E',
    productClass: 'EG8145V5',
    serial: '48575443A1B2C3D4',
    manufacturer: 'Huawei',
    firmware: 'V5R020C10S115',
    pppoeUsername: budi.login,
    ssid: 'BUDI-WIFI',
    lastInform: new Date().toISOString(),
    informInterval: 300,
  })
  acs.addCpe(
    {
      model: 'tr181',
      oui: 'ZTEG00',
      productClass: 'F670L V2.0',
      serial: 'ZTEGC8A1B2C3',
      pppoeUsername: siti.login,
      ssid: 'SITI',
      lastInform: new Date(Date.now() - 86_400_000).toISOString(),
    },
    { answers: false },
  )
}, 120_000)
afterAll(async () => {
  await acs.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('GenieACS from the CLI', { timeout: 120_000 }, () => {
  it('acs set keeps the NBI password sealed; acs test reaches the ACS with it', async () => {
    const set = await cli(
      'acs',
      'set',
      '--url',
      acs.url,
      '--user',
      'loket',
      '--password',
      NBI_PASSWORD,
    )
    expect(set).toMatchObject({
      code: 0,
      json: { ok: true, settings: { url: acs.url, username: 'loket', hasPassword: true } },
    })
    expect(await databaseHolds(dataDir, NBI_PASSWORD)).toBe(false)
    expect(await cli('acs', 'test')).toMatchObject({ code: 0, json: { ok: true, devices: 2 } })
  })

  it('cpe show --customer finds the TR-098 CPE by its PPPoE login and says why it is online', async () => {
    const shown = await cli('cpe', 'show', '--customer', budi.code)
    expect(shown).toMatchObject({
      code: 0,
      json: {
        devices: [
          {
            deviceId: budiCpe,
            dataModel: 'tr098',
            online: true,
            ssid: 'BUDI-WIFI',
            firmware: 'V5R020C10S115',
            onlineRule: { intervalSeconds: 300, intervalFrom: 'device' },
          },
        ],
      },
    })
    const human = await runCli(dataDir, ['cpe', 'show', '--customer', siti.code], { human: true })
    expect(human.stdout).toContain('OFFLINE: inform terakhir')
    expect(human.stdout).toContain('(bawaan, CPE tidak melaporkannya)')
  })

  it('cpe reboot: done for a CPE that answers, queued for one that does not', async () => {
    expect(await cli('cpe', 'reboot', '--customer', budi.code)).toMatchObject({
      code: 0,
      json: { action: { action: 'reboot', outcome: 'done', deviceId: budiCpe } },
    })
    expect(await cli('cpe', 'reboot', '--customer', siti.code)).toMatchObject({
      code: 0,
      json: { action: { outcome: 'queued', message: 'Task queued but not processed' } },
    })
  })

  it('cpe wifi sets the SSID and password; a short password is refused before the ACS is asked', async () => {
    const before = acs.requests.length
    const short = await cli(
      'cpe',
      'wifi',
      '--customer',
      budi.code,
      '--ssid',
      'Rumah',
      '--password',
      'pendek',
    )
    expect(short).toMatchObject({ code: 1, json: { ok: false, error: { code: 'VALIDATION' } } })
    expect(JSON.stringify(short.json)).toContain('--password')
    expect(acs.requests.length).toBe(before)

    const set = await cli(
      'cpe',
      'wifi',
      '--customer',
      budi.code,
      '--ssid',
      'Budi Rumah',
      '--password',
      'kopi-susu-2026',
    )
    expect(set).toMatchObject({
      code: 0,
      json: { action: { action: 'wifi', outcome: 'done', ssid: 'Budi Rumah' } },
    })
    expect(
      readPath(acs.device(budiCpe)!, 'InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID'),
    ).toBe('Budi Rumah')
    expect(await databaseHolds(dataDir, 'kopi-susu-2026')).toBe(false)
  })

  it('an ACS that stopped answering is a clear Indonesian error', async () => {
    await acs.close()
    const shown = await runCli(dataDir, ['cpe', 'show', '--customer', budi.code], { human: true })
    expect(shown.code).toBe(1)
    expect(shown.stderr + shown.stdout).toMatch(
      /ACS di http:\/\/127\.0\.0\.1:\d+ tidak dapat dihubungi \(koneksi ditolak\)/,
    )
  })
})
