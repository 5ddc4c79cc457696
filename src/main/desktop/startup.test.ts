import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { lanBinding, startErrorMessage } from './startup'

describe('desktop startup', () => {
  it('serves the LAN on 0.0.0.0:8080 unless told otherwise', () => {
    expect(lanBinding({})).toEqual({ port: 8080, host: '0.0.0.0', allowHosts: [] })
    expect(lanBinding({ LOKET_LAN_PORT: '9090', LOKET_LAN_HOST: '127.0.0.1' })).toEqual({
      port: 9090,
      host: '127.0.0.1',
      allowHosts: [],
    })
    expect(lanBinding({ LOKET_ALLOW_HOSTS: 'loket.kantor.lan, kasir.lan' }).allowHosts).toEqual([
      'loket.kantor.lan',
      'kasir.lan',
    ])
    expect(() => lanBinding({ LOKET_LAN_PORT: 'http' })).toThrow(/LOKET_LAN_PORT/)
    expect(() => lanBinding({ LOKET_LAN_PORT: '70000' })).toThrow(/LOKET_LAN_PORT/)
  })

  it('explains a refused database with its message and code', () => {
    const error = new AppError('DB_ON_NETWORK_PATH', 'The data directory is on a network drive.')
    expect(startErrorMessage(error)).toBe(
      'The data directory is on a network drive.\n\n(DB_ON_NETWORK_PATH)',
    )
  })

  it('names the LAN port when it is taken', () => {
    const error = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' })
    expect(startErrorMessage(error, { port: 8080, host: '0.0.0.0', allowHosts: [] })).toMatch(
      /port 8080 .*LOKET_LAN_PORT/,
    )
    expect(startErrorMessage('boom')).toBe('boom')
  })
})
