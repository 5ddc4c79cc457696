import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startAcsSim, type AcsSim } from '../sim/acs'
import {
  apiCode,
  areaAndPackage,
  companyOwner,
  startTestHost,
  type TestHost,
} from '../helpers/http-host'
import { signInAs } from '../helpers/role-users'

let host: TestHost
let acs: AcsSim
let owner: ReturnType<TestHost['client']>
let ownerToken: string
beforeEach(async () => {
  host = await startTestHost(undefined, undefined, { deviceWorker: false })
  ;({ owner, ownerToken } = await companyOwner(host))
  acs = await startAcsSim()
})
afterEach(async () => {
  await acs.close()
  await host.stop()
})

/** Budi with a PPPoE service, and his TR-098 CPE on the ACS. */
async function budiWithCpe() {
  const { area, product } = await areaAndPackage(owner)
  const budi = await owner.customers.create.mutate({ areaId: area.id, name: 'Budi Santoso' })
  await owner.customers.addService.mutate({
    customerId: budi.id,
    productId: product.id,
    status: 'aktif',
    activationDate: '2026-10-01',
    pppoeUsername: 'budi',
  })
  const deviceId = acs.addCpe({
    model: 'tr098',
    oui: '00259E',
    productClass: 'EG8145V5',
    serial: '48575443A1B2C3D4',
    pppoeUsername: 'budi',
    ssid: 'BUDI',
    lastInform: '2026-11-22T02:58:00Z',
  })
  return { budi, deviceId }
}

describe('the acs API', () => {
  it('settings are saved, tested and shown without the password; the CPE card and its actions work over HTTP', async () => {
    const { budi, deviceId } = await budiWithCpe()
    expect(await owner.acs.testSettings.mutate({ url: acs.url })).toEqual({ devices: 1 })
    expect(await owner.acs.saveSettings.mutate({ url: acs.url })).toMatchObject({
      url: acs.url,
      configured: true,
      hasPassword: false,
    })
    const card = await owner.acs.customerCpe.query({ customerId: budi.id })
    expect(card.devices.map((d) => [d.deviceId, d.ssid])).toEqual([[deviceId, 'BUDI']])
    expect(await owner.acs.reboot.mutate({ customerId: budi.id, deviceId })).toMatchObject({
      outcome: 'done',
    })
    expect(await owner.acs.refresh.mutate({ customerId: budi.id, deviceId })).toMatchObject({
      outcome: 'done',
    })
    expect((await owner.acs.actions.query({ customerId: budi.id })).map((a) => a.action)).toEqual([
      'refresh',
      'reboot',
    ])
  })

  it('a WiFi password of 7 characters is VALIDATION and nothing reaches the ACS', async () => {
    const { budi, deviceId } = await budiWithCpe()
    await owner.acs.saveSettings.mutate({ url: acs.url })
    const before = acs.requests.length
    expect(
      await apiCode(
        owner.acs.setWifi.mutate({
          customerId: budi.id,
          deviceId,
          ssid: 'Rumah',
          password: '1234567',
        }),
      ),
    ).toBe('VALIDATION')
    expect(acs.requests.length).toBe(before)
  })

  it('an ACS that does not answer fails the CPE card only: the customer page still loads', async () => {
    const { budi } = await budiWithCpe()
    await owner.acs.saveSettings.mutate({ url: acs.url })
    await acs.close()
    expect(await apiCode(owner.acs.customerCpe.query({ customerId: budi.id }))).toBe(
      'ACS_UNREACHABLE',
    )
    expect((await owner.customers.get.query({ id: budi.id })).name).toBe('Budi Santoso')
  })

  it('a viewer sees no CPE card; a technician sees the card but not the settings; OLT & ACS off answers MODULE_DISABLED', async () => {
    const { budi } = await budiWithCpe()
    await owner.acs.saveSettings.mutate({ url: acs.url })
    const viewer = await signInAs(host, ownerToken, 'viewer')
    expect(await apiCode(viewer.acs.customerCpe.query({ customerId: budi.id }))).toBe('FORBIDDEN')
    const technician = await signInAs(host, ownerToken, 'technician')
    expect((await technician.acs.customerCpe.query({ customerId: budi.id })).devices).toHaveLength(
      1,
    )
    expect(await apiCode(technician.acs.saveSettings.mutate({ url: acs.url }))).toBe('FORBIDDEN')
    await owner.company.saveModules.mutate({ oltAcs: false })
    expect(await apiCode(owner.acs.customerCpe.query({ customerId: budi.id }))).toBe(
      'MODULE_DISABLED',
    )
  })
})
