import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, isExternalHttpsUrl } from './web-policy'

describe('desktop web policy', () => {
  it('runs only our own scripts in the packaged app', () => {
    const csp = contentSecurityPolicy()
    expect(csp).toContain("script-src 'self';")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toContain('ws:')
  })

  it('lets the dev server run its refresh preamble and hot-reload socket', () => {
    const csp = contentSecurityPolicy('http://localhost:5173/')
    expect(csp).toContain("script-src 'self' 'unsafe-inline'")
    expect(csp).toContain("connect-src 'self' ws://localhost:5173")
  })

  it('opens only https links in the system browser', () => {
    expect(isExternalHttpsUrl('https://wa.me/6281234567890')).toBe(true)
    expect(isExternalHttpsUrl('http://example.com/')).toBe(false)
    expect(isExternalHttpsUrl('file:///C:/Windows/system32/calc.exe')).toBe(false)
    expect(isExternalHttpsUrl('javascript:alert(1)')).toBe(false)
    expect(isExternalHttpsUrl('not a url')).toBe(false)
  })
})
