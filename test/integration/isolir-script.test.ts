import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OWNER, apiCode, setupCompany, startTestHost, type TestHost } from '../helpers/http-host'

let host: TestHost
let owner: ReturnType<TestHost['client']>
let routerId: number
beforeAll(async () => {
  host = await startTestHost()
  await setupCompany(host)
  owner = host.client((await host.client().auth.login.mutate(OWNER)).token)
  routerId = (
    await owner.network.createRouter.mutate({
      name: 'RB Pusat',
      host: '192.168.88.1',
      port: 8728,
      username: 'admin',
      password: 'rahasia-router',
    })
  ).id
})
afterAll(async () => {
  await host.stop()
})

const script = (hostAddress: string) =>
  owner.network.isolirScript.query({ routerId, hostAddress, hostPort: 8080 })

describe('the isolir setup script', () => {
  it('is filled in with an IPv4 address or a host name', async () => {
    expect((await script('192.168.88.10')).script).toContain('to-addresses=192.168.88.10')
    expect((await script('loket.kantor.lan')).script).toContain('to-addresses=loket.kantor.lan')
  })

  it('refuses an address that would smuggle a RouterOS command into the pasted script', async () => {
    for (const bad of [
      '10.0.0.1\n/system reset-configuration',
      '10.0.0.1 ; /user add name=x group=full password=x',
      '10.0.0.1\r/ip service enable telnet',
      'loket.lan comment="x"',
      '999.1.1.1',
      '10.0.0',
      '-loket.lan',
      'loket..lan',
      '[::1]',
      'a'.repeat(64) + '.lan',
    ])
      expect(await apiCode(script(bad)), bad).toBe('VALIDATION')
  })
})
