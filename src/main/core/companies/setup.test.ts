import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { ManualClock } from '../clock'
import { testSecrets } from '../testing'
import { createTestDb } from '../db/test-db'
import { completeSetup, needsSetup, type SetupData } from './index'
import { getRoleMatrix } from '../roles'

const input = (name: string): SetupData => ({
  company: {
    name,
    address: '',
    phone: '6281234567890',
    email: null,
    npwp: null,
    timeZone: 'Asia/Makassar',
  },
  admin: { name: 'Pemilik', username: `owner-${name.length}`, password: 'Sangat-Rahasia-42' },
})
const web = { ip: '192.0.2.1', userAgent: 'test', createSession: true }

describe('first-run setup', () => {
  it('creates the company, its superadmin and a session, once', async () => {
    const deps = {
      db: await createTestDb(),
      clock: new ManualClock('2026-11-22T00:00:00Z'),
      secrets: testSecrets(),
    }
    expect(await needsSetup(deps)).toBe(true)
    const result = await completeSetup(deps, input('Net Jaya'), web)
    expect(result.token).toBeTruthy()
    expect(await needsSetup(deps)).toBe(false)
    const again = await completeSetup(deps, input('Net Lain'), web).catch((e: AppError) => e.code)
    expect(again).toBe('SETUP_ALREADY_DONE')
  })

  it('two browsers racing through the wizard create one company', async () => {
    const deps = {
      db: await createTestDb(),
      clock: new ManualClock('2026-11-22T00:00:00Z'),
      secrets: testSecrets(),
    }
    const results = await Promise.allSettled([
      completeSetup(deps, input('Net A'), web),
      completeSetup(deps, input('Net BB'), web),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(await deps.db.selectFrom('companies').select('id').execute()).toHaveLength(1)
  })

  it('seeds the default permission matrix; superadmin holds everything', async () => {
    const deps = {
      db: await createTestDb(),
      clock: new ManualClock('2026-11-22T00:00:00Z'),
      secrets: testSecrets(),
    }
    const { companyId } = await completeSetup(deps, input('Net Jaya'), web)
    const matrix = await getRoleMatrix(deps, companyId)
    const of = (role: string) => matrix.roles.find((r) => r.role === role)!
    expect(of('superadmin').permissions).toContain('roles.manage')
    expect(of('admin_billing').permissions).not.toContain('users.view')
    expect(of('viewer').permissions).toContain('dashboard.view')
  })
})
