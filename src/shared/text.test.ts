import { describe, expect, it } from 'vitest'
import { baseFileName, withoutControls } from './text'

describe('typed text', () => {
  it('loses control characters; line breaks and tabs separate words', () => {
    expect(withoutControls('bud\u0000i')).toBe('budi')
    expect(withoutControls('budi\tsantoso\r\nbogor')).toBe('budi santoso  bogor')
    expect(withoutControls('\u0001a\u001fb\u007fc\u0085d\u009f')).toBe('abcd')
    expect(withoutControls('Jl. Mawar №3 — ç')).toBe('Jl. Mawar №3 — ç')
  })
})

describe('an uploaded file name', () => {
  it('keeps its base name only, whichever separator, without controls', () => {
    expect(baseFileName('../../../../etc/passwd')).toBe('passwd')
    expect(baseFileName('..\\..\\x.png\u0000.pdf')).toBe('x.png.pdf')
    expect(baseFileName('C:\\Users\\budi\\KTP Budi.png')).toBe('KTP Budi.png')
    expect(baseFileName('ktp.png')).toBe('ktp.png')
    for (const nothing of ['..', '/', 'a/..', '\u0000', ' ']) expect(baseFileName(nothing)).toBe('')
  })
})
