import { hostname } from 'node:os'
import { describe, expect, it } from 'vitest'
import { isLoopbackAddress, splitHostList } from '@shared/host-names'
import { ownHostNames } from './own-host-names'

describe('own host names', () => {
  it('accepts loopback, the machine name and the bound address, in any case, with a port', () => {
    const names = ownHostNames({ bindHost: '10.0.0.5' })
    for (const h of [
      'localhost:8080',
      '127.0.0.1',
      '127.8.9.10:80',
      '[::1]:8080',
      `${hostname().toUpperCase()}:8080`,
      `${hostname()}.local`,
      '10.0.0.5:8080',
      'LOCALHOST.',
    ]) {
      expect(names.allows(h), h).toBe(true)
    }
  })

  it('refuses other names, a missing Host and malformed ones', () => {
    const names = ownHostNames({ bindHost: '0.0.0.0' })
    for (const h of [
      undefined,
      '',
      'evil.example',
      '0.0.0.0:8080',
      'localhost.evil.example',
      `${hostname()}.evil.example`,
      '[::1',
      'a b',
    ]) {
      expect(names.allows(h), String(h)).toBe(false)
    }
  })

  it('adds the names the operator allows', () => {
    const names = ownHostNames({ allowHosts: splitHostList(' Loket.Kantor.Lan, kasir.lan:8080') })
    expect(names.allows('loket.kantor.lan:8080')).toBe(true)
    expect(names.allows('kasir.lan')).toBe(true)
    expect(names.nameOf('Evil.Example:80')).toBe('evil.example')
  })

  it('tells loopback addresses from others', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.255.0.3'].map(isLoopbackAddress)).toEqual([
      true,
      true,
      true,
      true,
    ])
    expect(
      ['192.168.1.10', '::ffff:192.168.1.10', '1270.0.0.1', '127.0.0', 'desktop', ''].map(
        isLoopbackAddress,
      ),
    ).toEqual([false, false, false, false, false, false])
  })
})
