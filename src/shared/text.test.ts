import { describe, expect, it } from 'vitest'
import { withoutControls } from './text'

describe('typed text', () => {
  it('loses control characters; line breaks and tabs separate words', () => {
    expect(withoutControls('bud\u0000i')).toBe('budi')
    expect(withoutControls('budi\tsantoso\r\nbogor')).toBe('budi santoso  bogor')
    expect(withoutControls('\u0001a\u001fb\u007fc\u0085d\u009f')).toBe('abcd')
    expect(withoutControls('Jl. Mawar №3 — ç')).toBe('Jl. Mawar №3 — ç')
  })
})
