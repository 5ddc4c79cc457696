import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import {
  DEFAULT_ROLE_PERMISSIONS,
  PERMISSION_KEYS,
  ROLES,
  isGrantable,
  isPermission,
  type Permission,
  type Role,
} from '@shared/permissions'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Database, type Db } from '../db'
import type { CoreDeps } from '../deps'

/** Seeds a new company's matrix with the defaults. */
export async function seedRolePermissions(tx: Kysely<Database>, companyId: number): Promise<void> {
  const rows = ROLES.filter((r) => r !== 'superadmin').flatMap((role) =>
    DEFAULT_ROLE_PERMISSIONS[role].map((permission) => ({
      company_id: companyId,
      role,
      permission,
    })),
  )
  if (rows.length) await tx.insertInto('role_permissions').values(rows).execute()
}

/** What a role may do. Superadmin holds everything, whatever the table says. */
export async function permissionsOfRole(
  db: Db | Kysely<Database>,
  companyId: number,
  role: Role,
): Promise<Permission[]> {
  if (role === 'superadmin') return [...PERMISSION_KEYS]
  const rows = await db
    .selectFrom('role_permissions')
    .select('permission')
    .where('company_id', '=', companyId)
    .where('role', '=', role)
    .execute()
  return rows.map((r) => r.permission).filter(isPermission)
}

export interface RoleMatrix {
  roles: { role: Role; permissions: Permission[]; editable: boolean }[]
  permissions: { key: Permission; grantable: boolean }[]
}

export async function getRoleMatrix({ db }: CoreDeps, companyId: number): Promise<RoleMatrix> {
  const roles = await Promise.all(
    ROLES.map(async (role) => ({
      role,
      permissions: await permissionsOfRole(db, companyId, role),
      editable: role !== 'superadmin',
    })),
  )
  return {
    roles,
    permissions: PERMISSION_KEYS.map((key) => ({ key, grantable: isGrantable(key) })),
  }
}

/** Replaces a role's permissions. Superadmin's own row cannot be edited, nor granted away. */
export async function setRolePermissions(
  deps: CoreDeps,
  actor: Actor,
  companyId: number,
  role: Role,
  permissions: Permission[],
): Promise<Permission[]> {
  if (role === 'superadmin')
    throw new AppError('SUPERADMIN_ONLY', 'superadmin always holds every permission')
  const refused = permissions.filter((p) => !isGrantable(p))
  if (refused.length) {
    throw new AppError('SUPERADMIN_ONLY', `not grantable: ${refused.join(', ')}`, {
      permissions: refused,
    })
  }
  const wanted = [...new Set(permissions)].sort()
  await writeTx(deps.db, async (tx) => {
    const before = (await permissionsOfRole(tx, companyId, role)).sort()
    if (before.join() === wanted.join()) return
    await tx
      .deleteFrom('role_permissions')
      .where('company_id', '=', companyId)
      .where('role', '=', role)
      .execute()
    if (wanted.length) {
      await tx
        .insertInto('role_permissions')
        .values(wanted.map((permission) => ({ company_id: companyId, role, permission })))
        .execute()
    }
    await appendAudit(tx, deps.clock, actor, {
      action: 'roles.update',
      entityType: 'role',
      entityId: role,
      before: { permissions: before },
      after: { permissions: wanted },
    })
  })
  return wanted
}
