import { afterEach, describe, expect, it } from 'vitest'
import { readPath, startAcsSim, type AcsSim } from '../../../../test/sim/acs/index'
import { listCpeActions, rebootCpe, refreshCpe, setCpeWifi } from './actions'
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
  // Budi: a TR-098 Huawei that answers connection requests.
  const budiCpe = acs.addCpe({
    model: 'tr098',
    oui: '00259E',
    productClass: 'EG8145V5',
    serial: '48575443A1B2C3D4',
    pppoeUsername: 'budi',
    ssid: 'BUDI',
    lastInform: '2026-11-22T02:58:00Z',
    informInterval: 300,
  })
  // Siti: a TR-181 ZTE behind NAT: connection requests never reach it.
  const sitiCpe = acs.addCpe(
    {
      model: 'tr181',
      oui: 'ZTEG00',
      productClass: 'F670L V2.0',
      serial: 'ZTEGC8A1B2C3',
      pppoeUsername: 'siti',
      ssid: 'SITI',
      lastInform: '2026-11-22T01:00:00Z',
    },
    { answers: false },
  )
  return { acs, budiCpe, sitiCpe, ...f }
}

const tasksOf = (acs: AcsSim) => acs.requests.filter((r) => r.method === 'POST').map((r) => r.url)

describe('CPE actions through the GenieACS NBI', () => {
  it('a reboot the CPE carries out in the connection request’s session is done (200), recorded and audited', async () => {
    const f = await setup()
    const result = await rebootCpe(f.deps, f.actor, { customerId: f.budi.id, deviceId: f.budiCpe })
    expect(result).toMatchObject({ action: 'reboot', outcome: 'done', deviceId: f.budiCpe })
    // Sent with ?connection_request, the device id percent-encoded (no %XX in this one).
    expect(tasksOf(f.acs)).toEqual([`/devices/${f.budiCpe}/tasks?connection_request`])
    expect(f.acs.device(f.budiCpe)!._lastBoot).toBe('2026-11-22T03:00:00.000Z')
    const audit = await f.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('action', '=', 'acs.reboot')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.after_json!)).toMatchObject({ device_id: f.budiCpe, outcome: 'done' })
  })

  it('a CPE that does not answer the connection request gets the task queued for its next inform (202)', async () => {
    const f = await setup()
    const result = await refreshCpe(f.deps, f.actor, { customerId: f.siti.id, deviceId: f.sitiCpe })
    expect(result).toMatchObject({
      action: 'refresh',
      outcome: 'queued',
      message: 'Task queued but not processed',
    })
    expect(f.acs.tasks.map((t) => [t.device, t.name, t.objectName])).toEqual([
      [f.sitiCpe, 'refreshObject', ''],
    ])
  })

  it('a device id holding %XX escapes is encoded once more in the URL (F670L%20V2%2E0 → F670L%2520V2%252E0)', async () => {
    const f = await setup()
    await rebootCpe(f.deps, f.actor, { customerId: f.siti.id, deviceId: f.sitiCpe })
    expect(tasksOf(f.acs)).toEqual([
      '/devices/ZTEG00-F670L%2520V2%252E0-ZTEGC8A1B2C3/tasks?connection_request',
    ])
    expect(f.acs.tasks[0]!.device).toBe('ZTEG00-F670L%20V2%2E0-ZTEGC8A1B2C3')
  })

  it('WiFi name and password go to the TR-098 paths of a TR-098 CPE; the password is kept nowhere in Loket', async () => {
    const f = await setup()
    const result = await setCpeWifi(f.deps, f.actor, {
      customerId: f.budi.id,
      deviceId: f.budiCpe,
      ssid: 'Budi Rumah',
      password: 'kopi-susu-2026',
    })
    expect(result).toMatchObject({ action: 'wifi', outcome: 'done', ssid: 'Budi Rumah' })
    const doc = f.acs.device(f.budiCpe)!
    expect(readPath(doc, 'InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.SSID')).toBe(
      'Budi Rumah',
    )
    expect(
      readPath(
        doc,
        'InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.PreSharedKey.1.PreSharedKey',
      ),
    ).toBe('kopi-susu-2026')
    const stored =
      JSON.stringify(await f.db.selectFrom('cpe_actions').selectAll().execute()) +
      JSON.stringify(
        await f.db.selectFrom('audit_log').select(['before_json', 'after_json']).execute(),
      )
    expect(stored).not.toContain('kopi-susu-2026')
  })

  it('WiFi on a TR-181 CPE uses Device.WiFi.SSID.1.SSID and AccessPoint.1.Security.KeyPassphrase', async () => {
    const f = await setup()
    await setCpeWifi(f.deps, f.actor, {
      customerId: f.siti.id,
      deviceId: f.sitiCpe,
      ssid: 'Siti',
      password: 'teh-manis-99',
    })
    expect(f.acs.tasks[0]!.parameterValues).toEqual([
      ['Device.WiFi.SSID.1.SSID', 'Siti', 'xsd:string'],
      ['Device.WiFi.AccessPoint.1.Security.KeyPassphrase', 'teh-manis-99', 'xsd:string'],
    ])
  })

  it('a task the CPE faults on is recorded as a fault with the fault’s own text from /faults', async () => {
    const acs = await startAcsSim()
    sims.push(acs)
    const f = await acsFixture(acs.url)
    const id = acs.addCpe(
      {
        model: 'tr098',
        oui: '00259E',
        productClass: 'HG8245H',
        serial: 'X1',
        pppoeUsername: 'budi',
        lastInform: '2026-11-22T02:58:00Z',
      },
      { faults: { setParameterValues: { code: 'cwmp.9007', message: 'Invalid parameter value' } } },
    )
    const result = await setCpeWifi(f.deps, f.actor, {
      customerId: f.budi.id,
      deviceId: id,
      ssid: 'Budi',
      password: 'rahasia-123',
    })
    expect(result).toMatchObject({
      outcome: 'fault',
      message: 'cwmp.9007: Invalid parameter value',
    })
    expect(acs.requests.at(-1)!.url).toContain('/faults/?query=')
  })

  it('a device that is not one of this customer’s CPEs is sent nothing and recorded as not found', async () => {
    const f = await setup()
    const result = await rebootCpe(f.deps, f.actor, { customerId: f.budi.id, deviceId: f.sitiCpe })
    expect(result).toMatchObject({ outcome: 'not_found' })
    expect(tasksOf(f.acs)).toEqual([])
  })

  it('an ACS that does not answer is recorded as such, nothing queued, and the card lists it', async () => {
    const f = await setup()
    await f.acs.close()
    const result = await rebootCpe(f.deps, f.actor, { customerId: f.budi.id, deviceId: f.budiCpe })
    expect(result.outcome).toBe('unreachable')
    expect(result.message).toMatch(
      /^ACS di http:\/\/127\.0\.0\.1:\d+ tidak dapat dihubungi \(koneksi ditolak\)/,
    )
    expect((await listCpeActions(f.db, f.companyId, f.budi.id)).map((a) => a.outcome)).toEqual([
      'unreachable',
    ])
  })
})
