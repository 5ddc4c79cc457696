import { afterEach, describe, expect, it } from 'vitest'
import { startAcsSim, type AcsSim } from '../../../../test/sim/acs/index'
import { findCustomerCpes } from './cpe'
import { acsFixture } from './testing'

const sims: AcsSim[] = []
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()))
})

async function setup() {
  const acs = await startAcsSim()
  sims.push(acs)
  const f = await acsFixture(acs.url)
  acs.now = () => f.clock.now()
  return { acs, ...f }
}

const huawei = (pppoe: string, lastInform: string, serial = '48575443A1B2C3D4') => ({
  model: 'tr098' as const,
  oui: '00259E',
  productClass: 'EG8145V5',
  serial,
  manufacturer: 'Huawei',
  modelName: 'EG8145V5',
  firmware: 'V5R020C10S115',
  pppoeUsername: pppoe,
  ssid: 'BUDI-WIFI',
  wifiPassword: 'rahasia123',
  lastInform,
  informInterval: 300,
})

const zte = (pppoe: string | undefined, lastInform: string) => ({
  model: 'tr181' as const,
  oui: 'ZTEG00',
  productClass: 'F670L V2.0',
  serial: 'ZTEGC8A1B2C3',
  manufacturer: 'ZTE',
  modelName: 'F670L',
  firmware: 'V9.0.11P1N6',
  ...(pppoe === undefined ? {} : { pppoeUsername: pppoe }),
  ssid: 'ZTE-5G',
  lastInform,
})

describe("finding a customer's CPE on GenieACS", () => {
  it('a TR-098 CPE is found by the PPPoE login in WANPPPConnection, with model, firmware and SSID', async () => {
    const f = await setup()
    f.acs.addCpe(huawei('budi', '2026-11-22T02:58:00Z'))
    f.acs.addCpe(huawei('orang-lain', '2026-11-22T02:58:00Z', '48575443FFFF0001'))
    const found = await findCustomerCpes(f.deps, f.companyId, f.budi.id)
    expect(found.searched).toEqual({ pppoeUsernames: ['budi'], serials: [] })
    expect(found.devices).toHaveLength(1)
    expect(found.devices[0]).toMatchObject({
      deviceId: '00259E-EG8145V5-48575443A1B2C3D4',
      dataModel: 'tr098',
      manufacturer: 'Huawei',
      model: 'EG8145V5',
      firmware: 'V5R020C10S115',
      ssid: 'BUDI-WIFI',
      pppoeUsername: 'budi',
      lastInform: '2026-11-22T02:58:00.000Z',
      service: { id: f.budi.serviceId, by: 'pppoe' },
    })
  })

  it('a TR-181 CPE is found by Device.PPP.Interface.1.Username', async () => {
    const f = await setup()
    f.acs.addCpe(zte('siti', '2026-11-22T02:50:00Z'))
    const [cpe] = (await findCustomerCpes(f.deps, f.companyId, f.siti.id)).devices
    expect(cpe).toMatchObject({
      deviceId: 'ZTEG00-F670L%20V2%2E0-ZTEGC8A1B2C3',
      dataModel: 'tr181',
      model: 'F670L',
      ssid: 'ZTE-5G',
      service: { id: f.siti.serviceId, by: 'pppoe' },
    })
  })

  it('a CPE that does not report the PPPoE login (a bridge ONT) is found by the serial saved on the service', async () => {
    const f = await setup()
    f.acs.addCpe(zte(undefined, '2026-11-22T02:50:00Z'))
    const found = await findCustomerCpes(f.deps, f.companyId, f.rina.id)
    expect(found.searched.serials).toEqual(['ZTEGC8A1B2C3'])
    expect(found.devices.map((d) => [d.serial, d.service?.by])).toEqual([
      ['ZTEGC8A1B2C3', 'serial'],
    ])
  })

  it('asks for the parameters it shows only (a projection), never the whole device', async () => {
    const f = await setup()
    f.acs.addCpe(huawei('budi', '2026-11-22T02:58:00Z'))
    await findCustomerCpes(f.deps, f.companyId, f.budi.id)
    const asked = new URL(f.acs.requests.at(-1)!.url, 'http://x')
    expect(asked.pathname).toBe('/devices/')
    const projection = asked.searchParams.get('projection')!.split(',')
    expect(projection).toContain('InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID')
    expect(projection).toContain('Device.WiFi.SSID.1.SSID')
    expect(projection.some((p) => p.includes('PreSharedKey') || p.includes('KeyPassphrase'))).toBe(
      false,
    )
    expect(JSON.parse(asked.searchParams.get('query')!)).toEqual({
      $or: [
        {
          'InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.Username':
            'budi',
        },
        { 'Device.PPP.Interface.1.Username': 'budi' },
      ],
    })
  })

  it('online means the last inform came within the periodic interval (plus a minute), and says so', async () => {
    const f = await setup()
    f.clock.set('2026-11-22T03:00:00Z')
    f.acs.addCpe(huawei('budi', '2026-11-22T02:54:00Z'))
    const seen = async () => (await findCustomerCpes(f.deps, f.companyId, f.budi.id)).devices[0]!
    // 6 minutes since the inform, interval 5 minutes + 1 minute grace: still online.
    expect(await seen()).toMatchObject({
      online: true,
      onlineRule: {
        secondsSinceInform: 360,
        intervalSeconds: 300,
        intervalFrom: 'device',
        graceSeconds: 60,
      },
    })
    f.clock.set('2026-11-22T03:00:01Z')
    expect(await seen()).toMatchObject({ online: false, onlineRule: { secondsSinceInform: 361 } })
  })

  it('a CPE that reports no inform interval is judged by the 300-second default, and says it is the default', async () => {
    const f = await setup()
    f.clock.set('2026-11-22T03:00:00Z')
    f.acs.addCpe(zte('siti', '2026-11-22T01:00:00Z'))
    const [cpe] = (await findCustomerCpes(f.deps, f.companyId, f.siti.id)).devices
    expect(cpe).toMatchObject({
      online: false,
      onlineRule: { intervalSeconds: 300, intervalFrom: 'default', secondsSinceInform: 7200 },
    })
  })

  it('a customer without a PPPoE login or a serial is not searched for at all', async () => {
    const f = await setup()
    // A static-IP service: no PPPoE login, and no serial saved.
    await f.db
      .updateTable('services')
      .set({ cpe_serial: null, pppoe_username: null })
      .where('id', '=', f.rina.serviceId)
      .execute()
    const before = f.acs.requests.length
    expect(await findCustomerCpes(f.deps, f.companyId, f.rina.id)).toMatchObject({
      searched: { pppoeUsernames: [], serials: [] },
      services: [{ id: f.rina.serviceId, pppoeUsername: null, cpeSerial: null }],
      devices: [],
    })
    expect(f.acs.requests.length).toBe(before)
  })
})
