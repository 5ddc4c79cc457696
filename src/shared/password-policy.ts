/**
 * The password rule shown to every user: at least 10 characters, not one of the passwords that
 * guessing lists try first (including the ones Indonesian offices favour), and not containing the
 * username (the first thing a guesser types, doubled or with a year after it).
 */
export const MIN_PASSWORD_LENGTH = 10

const COMMON_PASSWORDS = new Set([
  '1234567890',
  '0123456789',
  '12345678910',
  '0987654321',
  '1111111111',
  '0000000000',
  '1234512345',
  '1q2w3e4r5t',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  'asdfghjkl1',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'admin12345',
  'admin123456',
  'administrator',
  'superadmin',
  'superadmin123',
  'iloveyou12',
  'sayang12345',
  'bismillah123',
  'bismillah1',
  'indonesia123',
  'indonesia1',
  'rahasia123',
  'rahasia1234',
  'katasandi123',
  'mikrotik123',
  'mikrotik1234',
  'internet123',
  'welcome123',
  'letmein123',
  'abcdefghij',
  'abc1234567',
  'loket12345',
])

export type PasswordProblem = 'too_short' | 'too_common' | 'contains_username'

export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too_short'
  const lower = password.toLowerCase()
  if (COMMON_PASSWORDS.has(lower)) return 'too_common'
  if (/^(.)\1+$/.test(password)) return 'too_common'
  const name = username?.trim().toLowerCase()
  if (name && lower.includes(name)) return 'contains_username'
  return null
}
