/**
 * Every action the audit log records. Core's appendAudit only takes these, and the UI must name
 * each one (a test checks both languages), so a new action cannot slip in untranslated.
 */
export const AUDIT_ACTIONS = [
  'setup.complete',
  'auth.login.success',
  'auth.login.failure',
  'auth.login.locked',
  'auth.logout',
  'auth.password.change',
  'users.create',
  'users.update',
  'users.reset_password',
  'users.deactivate',
  'users.reactivate',
  'roles.update',
  'company.update',
  'areas.create',
  'areas.update',
  'pops.create',
  'pops.update',
  'products.create',
  'products.update',
  'price_lists.create',
  'price_lists.update',
  'customers.create',
  'customers.update',
  'customers.terminate',
  'customers.import',
  'customers.attach',
  'services.create',
  'services.status',
  'services.terminate',
  'services.package_change',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]
