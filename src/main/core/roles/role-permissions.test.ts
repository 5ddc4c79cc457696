import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { companyFixture } from '../testing'
import { permissionsOfRole, setRolePermissions } from './index'

describe('permission matrix', () => {
  it('the superadmin grants a role more and the change is audited', async () => {
    const { deps, companyId, ownerId, db } = await companyFixture()
    const actor = { companyId, userId: ownerId, username: 'owner', ip: null, userAgent: null }
    await setRolePermissions(deps, actor, companyId, 'admin_support', [
      'dashboard.view',
      'users.view',
    ])
    expect(await permissionsOfRole(db, companyId, 'admin_support')).toEqual([
      'dashboard.view',
      'users.view',
    ])
    const entry = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'roles.update')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(entry.after_json!)).toEqual({ permissions: ['dashboard.view', 'users.view'] })
  })

  it('superadmin-only permissions cannot be granted, and superadmin cannot be trimmed', async () => {
    const { deps, companyId, ownerId } = await companyFixture()
    const actor = { companyId, userId: ownerId, username: 'owner', ip: null, userAgent: null }
    const code = (p: Promise<unknown>) => p.catch((e: AppError) => e.code)
    expect(await code(setRolePermissions(deps, actor, companyId, 'viewer', ['roles.manage']))).toBe(
      'SUPERADMIN_ONLY',
    )
    expect(await code(setRolePermissions(deps, actor, companyId, 'superadmin', []))).toBe(
      'SUPERADMIN_ONLY',
    )
  })
})
