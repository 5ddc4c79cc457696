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

  it('refuses a password that contains the username, anywhere and in any case', () => {
    // Issue 13, finding 15: `weakuser1weakuser1` was accepted for user `weakuser1`.
    expect(passwordProblem('weakuser1weakuser1', 'weakuser1')).toBe('contains_username')
    expect(passwordProblem('kasir01-123', 'kasir01')).toBe('contains_username')
    expect(passwordProblem('kasir01-warung-kopi', 'kasir01')).toBe('contains_username')
    expect(passwordProblem('Warung-KASIR01-kopi', 'kasir01')).toBe('contains_username')
    expect(passwordProblem('warung-kopi-2026', 'kasir01')).toBeNull()
  })
})
