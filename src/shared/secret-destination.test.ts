import { describe, expect, it } from 'vitest'
import {
  baseUrlDestination,
  routerDestination,
  smtpDestination,
  urlTemplateDestination,
} from './secret-destination'

describe('the destination a secret is bound to', () => {
  it('a base URL: the same address written differently is the same destination', () => {
    expect(baseUrlDestination('https://API.fonnte.com/')).toBe('https://api.fonnte.com')
    expect(baseUrlDestination('https://api.fonnte.com:443')).toBe('https://api.fonnte.com')
    expect(baseUrlDestination('http://127.0.0.1:8081')).not.toBe(
      baseUrlDestination('http://127.0.0.1:8082'),
    )
    expect(baseUrlDestination('https://api.fonnte.com')).not.toBe(
      baseUrlDestination('https://api.fonnte.com.evil.example'),
    )
    expect(baseUrlDestination('https://x.example')).not.toBe(baseUrlDestination('http://x.example'))
  })

  it('a URL template: the whole template, only the host is case-blind', () => {
    const t = 'https://GW.example/send?to={phone}&key={token}'
    expect(urlTemplateDestination(t)).toBe('https://gw.example/send?to={phone}&key={token}')
    expect(urlTemplateDestination(t)).not.toBe(
      urlTemplateDestination('https://gw.example/other?to={phone}&key={token}'),
    )
  })

  it('SMTP and RouterOS: scheme, host and port', () => {
    expect(smtpDestination({ host: 'Smtp.Gmail.com', port: 587, secure: false })).toBe(
      'smtp://smtp.gmail.com:587',
    )
    expect(smtpDestination({ host: 'smtp.gmail.com', port: 465, secure: true })).toBe(
      'smtps://smtp.gmail.com:465',
    )
    expect(routerDestination({ host: '10.0.0.1', port: 8729, tls: true })).toBe(
      'api-ssl://10.0.0.1:8729',
    )
  })
})
