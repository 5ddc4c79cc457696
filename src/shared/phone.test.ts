import { describe, expect, it } from 'vitest'
import { formatContact, formatPhone, normalisePhone, whatsappLink } from './phone'

describe('phone numbers are stored as 62…', () => {
  it.each([
    ['081234567890', '6281234567890'],
    ['0812-3456-7890', '6281234567890'],
    ['+62 812-3456-7890', '6281234567890'],
    ['62812 3456 7890', '6281234567890'],
    ['(0812) 3456 7890', '6281234567890'],
    ['81234567890', '6281234567890'],
    ['0062 812 3456 7890', '6281234567890'],
    ['021-5551234', '62215551234'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected)
  })

  it.each(['', 'abc', '12345', '+1 415 555 0100', '0800', '62012345678'])('rejects %s', (input) => {
    expect(normalisePhone(input)).toBeNull()
  })

  it('shows the local form and links to WhatsApp', () => {
    expect(formatPhone('6281234567890')).toBe('0812-3456-7890')
    expect(whatsappLink('6281234567890', 'Halo')).toBe('https://wa.me/6281234567890?text=Halo')
  })

  it('a contact is a local phone number when it is one, else as it is', () => {
    expect(formatContact('6281234567890')).toBe('0812-3456-7890')
    expect(formatContact('budi@contoh.id')).toBe('budi@contoh.id')
  })
})
