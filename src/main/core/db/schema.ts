import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Table types for kysely. Instants are ISO-8601 UTC text; booleans are 0/1 integers. */
export interface Database {
  companies: CompaniesTable
  company_settings: CompanySettingsTable
  users: UsersTable
  role_permissions: RolePermissionsTable
  sessions: SessionsTable
  login_attempts: LoginAttemptsTable
  login_lockouts: LoginLockoutsTable
  audit_log: AuditLogTable
}

export interface CompaniesTable {
  id: Generated<number>
  name: string
  address: string
  phone: string | null
  email: string | null
  npwp: string | null
  time_zone: string
  created_at: string
  updated_at: string
}

export interface CompanySettingsTable {
  company_id: number
  key: string
  value_json: string
  updated_at: string
}

export interface UsersTable {
  id: Generated<number>
  company_id: number
  name: string
  username: string
  phone: string | null
  email: string | null
  role: string
  password_hash: string
  must_change_password: number
  active: number
  created_at: string
  updated_at: string
  password_changed_at: string | null
  deactivated_at: string | null
}

export interface RolePermissionsTable {
  company_id: number
  role: string
  permission: string
}

export interface SessionsTable {
  id: Generated<number>
  token_hash: string
  user_id: number
  company_id: number
  created_at: string
  last_seen_at: string
  expires_at: string
  ended_at: string | null
  end_reason: string | null
  ip: string
  user_agent: string
}

export interface LoginAttemptsTable {
  id: Generated<number>
  at: string
  username: string
  ip: string
  user_agent: string
  outcome: 'success' | 'failure' | 'locked'
  user_id: number | null
}

export interface LoginLockoutsTable {
  key: string
  locked_until: string
  created_at: string
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  company_id: number | null
  user_id: number | null
  username: string | null
  action: string
  entity_type: string | null
  entity_id: string | null
  before_json: string | null
  after_json: string | null
  ip: string | null
  user_agent: string | null
  prev_hash: string
  hash: string
}

export type UserRow = Selectable<UsersTable>
export type NewUserRow = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
export type CompanyRow = Selectable<CompaniesTable>
export type SessionRow = Selectable<SessionsTable>
export type AuditRow = Selectable<AuditLogTable>
