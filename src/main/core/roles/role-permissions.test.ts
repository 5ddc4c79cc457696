import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { companyFixture } from '../testing'
import { up } from '../db/migrations/202612041701_customer_credentials_permission'
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

  it('PPPoE passwords: Admin Support holds customers.credentials by default, and so do companies set up before it existed', async () => {
    const { companyId, db } = await companyFixture()
    expect(await permissionsOfRole(db, companyId, 'admin_support')).toContain(
      'customers.credentials',
    )
    for (const role of ['admin_billing', 'technician', 'viewer'] as const)
      expect(await permissionsOfRole(db, companyId, role)).not.toContain('customers.credentials')
    // As a company set up before the permission was added.
    await db
      .deleteFrom('role_permissions')
      .where('permission', '=', 'customers.credentials')
      .execute()
    await up(db as never)
    expect(await permissionsOfRole(db, companyId, 'admin_support')).toContain(
      'customers.credentials',
    )
    expect(await permissionsOfRole(db, companyId, 'technician')).not.toContain(
      'customers.credentials',
    )
  })
})
