import { describe, expect, it } from 'vitest'
import { passwordProblem } from './password-policy'

describe('password strength rule', () => {
  it('needs at least 10 characters', () => {
    expect(passwordProblem('Abc-12345')).toBe('too_short')
    expect(passwordProblem('Abc-123456')).toBeNull()
  })

  it('refuses common passwords whatever their case', () => {
    expect(passwordProblem('Password123')).toBe('too_common')
    expect(passwordProblem('1234567890')).toBe('too_common')
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('too_common')
  })

  it('refuses the username with a short suffix', () => {
    expect(passwordProblem('kasir01-123', 'kasir01')).toBe('too_common')
    expect(passwordProblem('kasir01-warung-kopi', 'kasir01')).toBeNull()
  })
})
