export {
  getRoleMatrix,
  permissionsOfRole,
  seedRolePermissions,
  setRolePermissions,
} from './role-permissions'
export type { RoleMatrix } from './role-permissions'
