import { describe, expect, it } from 'vitest'
import { optionalText, requiredText, trimmed, withoutNul } from './common'

describe('text fields and the NUL character', () => {
  it('drop NUL and keep every other character, line breaks included', () => {
    expect(withoutNul('Jl.\u0000 Mawar\n3')).toBe('Jl. Mawar\n3')
    expect(trimmed(50).parse(' a\u0000b ')).toBe('ab')
    expect(requiredText(50).parse('Tunggakan\u0000\t3 bulan')).toBe('Tunggakan\t3 bulan')
    expect(optionalText(50).parse('\u0000')).toBeNull()
  })

  it('a text of nothing but NUL is empty, so a required one is refused as missing', () => {
    const result = requiredText(50).safeParse('\u0000\u0000')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('validation.required')
  })
})
