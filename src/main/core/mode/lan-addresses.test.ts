import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { lanUrls } from './lan-addresses'

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo

const interfaces = {
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  eth0: [nic('192.168.1.10', 'IPv4'), nic('fe80::1', 'IPv6')],
  wlan0: [nic('10.0.0.5', 'IPv4')],
}

describe('the LAN addresses shown on Pengaturan → Mode', () => {
  it('lists every outside IPv4 address with the port when the host serves all interfaces', () => {
    expect(lanUrls(interfaces, { host: '0.0.0.0', port: 8080 })).toEqual([
      'http://192.168.1.10:8080',
      'http://10.0.0.5:8080',
    ])
  })

  it('shows only the bound address, and none for a host that serves this PC only', () => {
    expect(lanUrls(interfaces, { host: '192.168.1.10', port: 9090 })).toEqual([
      'http://192.168.1.10:9090',
    ])
    expect(lanUrls(interfaces, { host: '127.0.0.1', port: 8080 })).toEqual([])
  })
})
