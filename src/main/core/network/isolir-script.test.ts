import { describe, expect, it } from 'vitest'
import { isolirScript } from './isolir-script'

const base = { hostPort: 8080, profile: 'ISOLIR', list: 'isolir' }

describe('the isolir setup script', () => {
  it('sends isolated customers to the host address given', () => {
    const script = isolirScript({ ...base, hostAddress: '192.168.88.10' })
    expect(script).toContain('action=dst-nat to-addresses=192.168.88.10 to-ports=8080')
  })

  it('refuses an address carrying a second command, whoever calls it', () => {
    expect(() =>
      isolirScript({ ...base, hostAddress: '10.0.0.1\n/system reset-configuration' }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
  })
})
