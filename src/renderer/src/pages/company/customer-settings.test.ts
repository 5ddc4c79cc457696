import { describe, expect, it } from 'vitest'
import { en } from '../../i18n/en'
import { id } from '../../i18n/id'
import { customerSettingsInput, settingsExamples } from './customer-settings'

const messages = (input: unknown) => {
  const result = customerSettingsInput.safeParse(input)
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path[0], i.message]))
}

describe('service numbering settings', () => {
  it('shows the first SID and the username Budi Santoso of CBG01-0001 would get', () => {
    expect(settingsExamples({ sidPattern: 'SID{000000}', pppoeUsernameRule: '{kode}' })).toEqual({
      sid: 'SID000001',
      username: 'cbg01-0001',
    })
    expect(
      settingsExamples({ sidPattern: ' NJ-{0000} ', pppoeUsernameRule: '{nama}.{sid}' }).username,
    ).toBe('budi.santoso.nj-0001')
  })

  it('accepts a pattern with a running number, a rule with {kode} or {sid}, 6 to 32 characters', () => {
    const good = {
      sidPattern: 'SID{000000}',
      pppoeUsernameRule: '{nama}@{sid}',
      pppoePasswordLength: 6,
    }
    expect(messages(good)).toEqual({})
    expect(messages({ ...good, pppoePasswordLength: 32 })).toEqual({})
  })

  it('refuses what the server refuses, with its message keys', () => {
    expect(
      messages({ sidPattern: 'SID-1', pppoeUsernameRule: '{nama}', pppoePasswordLength: 5 }),
    ).toEqual({
      sidPattern: 'validation.code_pattern',
      pppoeUsernameRule: 'validation.pppoe_rule',
      pppoePasswordLength: 'validation.out_of_range',
    })
    expect(
      messages({ sidPattern: '{0}', pppoeUsernameRule: '{sid}', pppoePasswordLength: 33 }),
    ).toEqual({ pppoePasswordLength: 'validation.out_of_range' })
    expect(
      messages({ sidPattern: '{0}', pppoeUsernameRule: '{sid}', pppoePasswordLength: 8.5 }),
    ).toEqual({ pppoePasswordLength: 'validation.out_of_range' })
  })

  it('has a text for every key it answers, in both languages', () => {
    for (const texts of [id, en]) {
      for (const key of ['code_pattern', 'pppoe_rule', 'out_of_range', 'too_long'] as const)
        expect(texts.validation[key], key).toBeTruthy()
    }
  })
})
