import { describe, expect, it } from 'vitest'
import { loopbackMdns } from '../../../../test/helpers/http-host'
import { advertiseHost, browseHosts, foundHost } from './lan-discovery'

describe('finding the host on the LAN (mDNS _loket._tcp)', () => {
  it('a browsing desktop finds the advertised host with its port and version', async () => {
    const mdns = await loopbackMdns()
    const ad = advertiseHost({ port: 40123, version: '1.2.3', name: 'Loket Kantor' }, mdns)
    try {
      const hosts = await browseHosts(10_000, mdns, (found) => found.length > 0)
      expect(hosts).toEqual([
        { name: 'Loket Kantor', url: 'http://127.0.0.1:40123', version: '1.2.3' },
      ])
    } finally {
      await ad.stop()
    }
  })

  it('uses the address the answer came from, else the first advertised IPv4 address', () => {
    const service = { name: 'Loket', port: 8080, txt: { version: '1.0.0' } }
    expect(
      foundHost({
        ...service,
        addresses: ['fe80::1', '10.0.0.9'],
        referer: { address: '192.168.1.10', family: 'IPv4', port: 5353, size: 1 },
      }),
    ).toEqual({ name: 'Loket', url: 'http://192.168.1.10:8080', version: '1.0.0' })
    expect(foundHost({ ...service, addresses: ['fe80::1', '10.0.0.9'] })?.url).toBe(
      'http://10.0.0.9:8080',
    )
    expect(foundHost({ ...service, addresses: ['fe80::1'] })).toBeNull()
  })
})
