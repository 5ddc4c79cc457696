import { RosException } from 'node-routeros'
import { describe, expect, it } from 'vitest'
import { commandWords } from './connection'
import { RouterError, errorCode, toRouterError } from './errors'

const ctx = { host: '10.0.0.1', port: 8728, tls: false }

function sysError(code: string, errno: number): NodeJS.ErrnoException {
  const e = new Error(`connect ${code} 10.0.0.1:8728`) as NodeJS.ErrnoException
  e.code = code
  e.errno = errno
  return e
}

describe('toRouterError', () => {
  it("maps node-routeros's empty ECONNREFUSED (errno -111) to 'refused' with a message", () => {
    const wrapped = new RosException(-111 as never, sysError('ECONNREFUSED', -111) as never)
    expect(wrapped.message).toBe('') // the library's defect
    expect(errorCode(wrapped)).toBe('ECONNREFUSED')
    const e = toRouterError(wrapped, ctx)
    expect(e.kind).toBe('refused')
    expect(e.message).toContain('10.0.0.1:8728')
    expect(toRouterError(sysError('ECONNREFUSED', -111), { ...ctx, tls: true }).message).toContain(
      'api-ssl',
    )
  })

  it.each([
    ['ETIMEDOUT', -110],
    ['EHOSTUNREACH', -113],
    ['ENETUNREACH', -101],
    ['ENOTFOUND', -3008],
  ])("maps %s to 'unreachable'", (code, errno) => {
    expect(toRouterError(sysError(code, errno), ctx).kind).toBe('unreachable')
  })

  it("maps login failures to 'auth'", () => {
    expect(toRouterError(new RosException('CANTLOGIN'), ctx).kind).toBe('auth')
    expect(toRouterError(new Error('invalid user name or password (6)'), ctx).kind).toBe('auth')
    expect(toRouterError(new Error('cannot log in'), ctx).kind).toBe('auth')
  })

  it("maps SOCKTMOUT to 'timeout', TLS failures to 'tls', resets to 'disconnected'", () => {
    expect(toRouterError(new RosException('SOCKTMOUT', { seconds: 3 }), ctx).kind).toBe('timeout')
    const ssl = Object.assign(new Error('wrong version number'), {
      code: 'ERR_SSL_WRONG_VERSION_NUMBER',
    })
    expect(toRouterError(ssl, ctx).kind).toBe('tls')
    expect(toRouterError(sysError('ECONNRESET', -104), ctx).kind).toBe('disconnected')
    expect(toRouterError('weird', ctx).message).not.toBe('')
  })

  it('passes RouterErrors through and keeps trap details', () => {
    const trap = new RouterError('trap', 'no such item', {
      category: 1,
      routerMessage: 'no such item',
    })
    expect(toRouterError(trap, ctx)).toBe(trap)
    expect(trap).toBeInstanceOf(Error)
    expect(trap.name).toBe('RouterError')
    expect([trap.kind, trap.category, trap.routerMessage]).toEqual(['trap', 1, 'no such item'])
  })
})

describe('commandWords', () => {
  it('sends attributes, proplist and queries in that order', () => {
    expect(
      commandWords(
        '/ppp/secret/print',
        {},
        { where: { name: 'budi' }, proplist: ['.id', 'name', 'profile'] },
      ),
    ).toEqual(['/ppp/secret/print', '=.proplist=.id,name,profile', '?name=budi'])
  })

  it('formats values: booleans yes/no, numbers, empty strings kept, null/undefined skipped', () => {
    expect(
      commandWords('/interface/monitor-traffic', {
        interface: 'ether1',
        once: '',
        disabled: true,
        'limit-bytes-total': 1073741824,
        comment: null,
        profile: undefined,
        'x=y': undefined,
      }),
    ).toEqual([
      '/interface/monitor-traffic',
      '=interface=ether1',
      '=once=',
      '=disabled=yes',
      '=limit-bytes-total=1073741824',
    ])
    expect(commandWords('/ppp/secret/set', { '.id': '*1A', disabled: false })).toEqual([
      '/ppp/secret/set',
      '=.id=*1A',
      '=disabled=no',
    ])
  })

  it('refuses what would corrupt the sentence', () => {
    expect(() => commandWords('ppp/secret/print')).toThrow(TypeError)
    expect(() => commandWords('/ppp/secret/add', { 'a=b': 'x' })).toThrow(TypeError)
    expect(() => commandWords('/ppp/secret/add', { '.tag': 'x' })).toThrow(TypeError)
    expect(() => commandWords('/ppp/secret/add', { n: Number.NaN })).toThrow(TypeError)
  })
})
