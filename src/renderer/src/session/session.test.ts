import { describe, expect, it } from 'vitest'
import { makeSession, type Me } from './session'

const me = (modules: Me['modules']) =>
  ({
    user: { id: 1, username: 'owner', name: 'Pemilik', role: 'superadmin' },
    company: { id: 1, name: 'Net Jaya', timeZone: 'Asia/Jakarta' },
    permissions: ['hotspot.view', 'hotspot.manage', 'reports.view', 'company.manage'],
    modules,
    version: '0.1.0',
  }) as unknown as Me

describe('the session the menus and page guards read', () => {
  it('a permission of a module that is off is not usable, and names the module', () => {
    const s = makeSession(
      me({
        hotspot: false,
        advancedReports: true,
        tickets: true,
        warehouse: true,
        oltAcs: true,
      }),
    )
    expect(s.can('hotspot.view')).toBe(false)
    expect(s.offModuleOf('hotspot.view')).toBe('hotspot')
    expect(s.can('reports.view')).toBe(true)
    expect(s.offModuleOf('reports.view')).toBeNull()
    expect(s.moduleOn('hotspot')).toBe(false)
  })

  it('with every module on, permissions are what the role holds', () => {
    const s = makeSession(
      me({
        hotspot: true,
        advancedReports: true,
        tickets: true,
        warehouse: true,
        oltAcs: true,
      }),
    )
    expect(s.can('hotspot.manage')).toBe(true)
    expect(s.can('users.manage')).toBe(false)
    expect(s.offModuleOf('hotspot.view')).toBeNull()
  })
})
