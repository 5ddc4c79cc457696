import { describe, expect, it } from 'vitest'
import { clientArgument, clientHostFromArgv } from './client-mode'

describe("a client window's host, passed to its preload", () => {
  it('reads back the host origin the main process passed', () => {
    const argv = ['electron', '--type=renderer', clientArgument('http://192.168.1.10:8080')]
    expect(clientHostFromArgv(argv)).toBe('http://192.168.1.10:8080')
  })

  it('is no client without the argument, or with anything but an http(s) origin', () => {
    expect(clientHostFromArgv(['electron', '--type=renderer'])).toBeNull()
    expect(clientHostFromArgv(['--loket-client-of=file:///etc/passwd'])).toBeNull()
    expect(clientHostFromArgv(['--loket-client-of=not a url'])).toBeNull()
    expect(clientHostFromArgv(['--loket-client-of=http://h:8080/x?y'])).toBe('http://h:8080')
  })
})
