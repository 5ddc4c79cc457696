import { describe, expect, it } from 'vitest'
import { hashPassword, passwordWorkFactor, SCRYPT_LOG2N, verifyPassword } from './password-hash'

describe('password hashes (DESIGN.md: scrypt N=2^17, r=8, p=1)', () => {
  it('outside a test run every new hash is scrypt with N=2^17, r=8, p=1, whatever the variable says', () => {
    expect(SCRYPT_LOG2N).toBe(17)
    expect(passwordWorkFactor({})).toBe(17)
    expect(passwordWorkFactor({ LOKET_TEST_SCRYPT_LOG2N: '10' })).toBe(17)
    expect(passwordWorkFactor({ NODE_ENV: 'production', LOKET_TEST_SCRYPT_LOG2N: '10' })).toBe(17)
  })

  it('a test run may ask for a cheaper factor, never below 2^10 nor above 2^17', () => {
    expect(passwordWorkFactor({ NODE_ENV: 'test', LOKET_TEST_SCRYPT_LOG2N: '12' })).toBe(12)
    expect(passwordWorkFactor({ NODE_ENV: 'test', LOKET_TEST_SCRYPT_LOG2N: '4' })).toBe(10)
    expect(passwordWorkFactor({ NODE_ENV: 'test', LOKET_TEST_SCRYPT_LOG2N: '30' })).toBe(17)
    expect(passwordWorkFactor({ NODE_ENV: 'test', LOKET_TEST_SCRYPT_LOG2N: 'x' })).toBe(17)
    expect(passwordWorkFactor({ NODE_ENV: 'test' })).toBe(17)
  })

  it('the stored hash names its parameters and verifies only the right password', async () => {
    const stored = await hashPassword('Sangat-Rahasia-42')
    const [scheme, log2n, r, p, salt, key] = stored.split('$')
    expect([scheme, log2n, r, p]).toEqual(['scrypt', String(passwordWorkFactor()), '8', '1'])
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16)
    expect(Buffer.from(key!, 'base64')).toHaveLength(32)
    expect(await verifyPassword('Sangat-Rahasia-42', stored)).toBe(true)
    expect(await verifyPassword('sangat-rahasia-42', stored)).toBe(false)
    expect(await verifyPassword('Sangat-Rahasia-42', 'bcrypt$x')).toBe(false)
  })

  it('a password hashed at N=2^17 verifies with the parameters stored beside it', async () => {
    const previous = process.env.LOKET_TEST_SCRYPT_LOG2N
    delete process.env.LOKET_TEST_SCRYPT_LOG2N
    try {
      const stored = await hashPassword('Kata sandi lama')
      expect(stored.startsWith('scrypt$17$8$1$')).toBe(true)
      process.env.LOKET_TEST_SCRYPT_LOG2N = '10'
      expect(await verifyPassword('Kata sandi lama', stored)).toBe(true)
    } finally {
      if (previous === undefined) delete process.env.LOKET_TEST_SCRYPT_LOG2N
      else process.env.LOKET_TEST_SCRYPT_LOG2N = previous
    }
  })

  it('a name written in two Unicode forms is the same password (NFC)', async () => {
    const stored = await hashPassword('Sandi-Jos\u00e9')
    expect(await verifyPassword('Sandi-Jose\u0301', stored)).toBe(true)
  })
})
