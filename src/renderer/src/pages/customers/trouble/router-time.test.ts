import { describe, expect, it } from 'vitest'
import { routerTimeText } from './router-time'

describe('a router’s date-time shown as dd/mm/yyyy', () => {
  it('reads RouterOS 7 and the older month-name form', () => {
    expect(routerTimeText('2026-11-22 09:41:07')).toBe('22/11/2026 09:41:07')
    expect(routerTimeText('nov/22/2026 09:41:07')).toBe('22/11/2026 09:41:07')
  })
  it('leaves what it does not know as it came', () => {
    expect(routerTimeText('kemarin')).toBe('kemarin')
    expect(routerTimeText('abc/22/2026 09:41:07')).toBe('abc/22/2026 09:41:07')
  })
})
