import { AppError } from '@shared/errors'
import { passwordProblem } from '@shared/password-policy'
import type { Role } from '@shared/permissions'
import { appendAudit, diffFields, type Actor } from '../audit'
import { endSessions, hashPassword } from '../auth'
import { writeTx, type UserRow } from '../db'
import type { CoreDeps } from '../deps'
import type { Kysely } from 'kysely'
import type { Database } from '../db'

export interface UserView {
  id: number
  name: string
  username: string
  phone: string | null
  email: string | null
  role: Role
  active: boolean
  mustChangePassword: boolean
  createdAt: string
  deactivatedAt: string | null
}

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    name: row.name,
    username: row.username,
    phone: row.phone,
    email: row.email,
    role: row.role as Role,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    deactivatedAt: row.deactivated_at,
  }
}

/** Fields an audit entry shows for a user; never the password hash. */
const AUDITED = ['name', 'username', 'phone', 'email', 'role', 'active'] as const

export interface ActingUser {
  userId: number
  role: Role
}

export async function listUsers(
  { db }: CoreDeps,
  companyId: number,
  filter: { search?: string; includeInactive?: boolean } = {},
): Promise<UserView[]> {
  let q = db.selectFrom('users').selectAll().where('company_id', '=', companyId)
  if (filter.includeInactive === false) q = q.where('active', '=', 1)
  if (filter.search) {
    const like = `%${filter.search.replace(/[%_]/g, '')}%`
    q = q.where((eb) => eb.or([eb('name', 'like', like), eb('username', 'like', like)]))
  }
  const rows = await q.orderBy('active', 'desc').orderBy('name').execute()
  return rows.map(toUserView)
}

async function loadUser(tx: Kysely<Database>, companyId: number, id: number): Promise<UserRow> {
  const row = await tx
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', `user ${id}`)
  return row
}

/** Only a superadmin may create, edit or grant the superadmin role: no escalation by a lesser admin. */
function guardSuperadmin(
  acting: ActingUser,
  target: { role: string } | null,
  newRole?: Role,
): void {
  if (acting.role === 'superadmin') return
  if (target?.role === 'superadmin' || newRole === 'superadmin')
    throw new AppError('SUPERADMIN_ONLY')
}

async function activeSuperadmins(tx: Kysely<Database>, companyId: number): Promise<number> {
  const row = await tx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('company_id', '=', companyId)
    .where('role', '=', 'superadmin')
    .where('active', '=', 1)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

function assertPassword(password: string, username: string): void {
  if (passwordProblem(password, username)) throw new AppError('PASSWORD_TOO_WEAK')
}

export interface NewUser {
  name: string
  username: string
  phone: string | null
  email: string | null
  role: Role
  password: string
}

/** A user created by an admin must choose their own password at first sign-in. */
export async function createUser(
  { db, clock }: CoreDeps,
  actor: Actor & { companyId: number },
  acting: ActingUser,
  input: NewUser,
  options: { mustChangePassword?: boolean } = {},
): Promise<UserView> {
  guardSuperadmin(acting, null, input.role)
  const username = input.username.toLowerCase()
  assertPassword(input.password, username)
  const hash = await hashPassword(input.password)
  return writeTx(db, async (tx) => {
    const taken = await tx
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst()
    if (taken) throw new AppError('USERNAME_TAKEN', undefined, { username })
    const now = clock.now().toISOString()
    const row = await tx
      .insertInto('users')
      .values({
        company_id: actor.companyId,
        name: input.name,
        username,
        phone: input.phone,
        email: input.email,
        role: input.role,
        password_hash: hash,
        must_change_password: options.mustChangePassword === false ? 0 : 1,
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await appendAudit(tx, clock, actor, {
      action: 'users.create',
      entityType: 'user',
      entityId: row.id,
      after: pick(row),
    })
    return toUserView(row)
  })
}

export async function updateUser(
  { db, clock }: CoreDeps,
  actor: Actor & { companyId: number },
  acting: ActingUser,
  input: { id: number; name: string; phone: string | null; email: string | null; role: Role },
): Promise<UserView> {
  return writeTx(db, async (tx) => {
    const before = await loadUser(tx, actor.companyId, input.id)
    guardSuperadmin(acting, before, input.role)
    if (before.id === acting.userId && before.role !== input.role) {
      // Changing one's own role could lock the only owner out of the app.
      throw new AppError('CANNOT_CHANGE_OWN_ACCOUNT')
    }
    if (before.role === 'superadmin' && input.role !== 'superadmin' && before.active === 1) {
      if ((await activeSuperadmins(tx, actor.companyId)) <= 1) throw new AppError('LAST_SUPERADMIN')
    }
    const next = { name: input.name, phone: input.phone, email: input.email, role: input.role }
    const row = await tx
      .updateTable('users')
      .set({ ...next, updated_at: clock.now().toISOString() })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    const diff = diffFields(before, next, AUDITED)
    if (diff) {
      await appendAudit(tx, clock, actor, {
        action: 'users.update',
        entityType: 'user',
        entityId: row.id,
        ...diff,
      })
    }
    return toUserView(row)
  })
}

/** An admin sets a temporary password; the user must change it at next sign-in. */
export async function resetUserPassword(
  { db, clock }: CoreDeps,
  actor: Actor,
  acting: ActingUser | null,
  target: { companyId: number | null; id?: number; username?: string },
  password: string,
): Promise<UserView> {
  if (!target.id && !target.username) throw new AppError('NOT_FOUND', 'user')
  let q = db.selectFrom('users').selectAll()
  if (target.id) q = q.where('id', '=', target.id)
  if (target.username) q = q.where('username', '=', target.username.toLowerCase())
  if (target.companyId) q = q.where('company_id', '=', target.companyId)
  const found = await q.executeTakeFirst()
  if (!found) throw new AppError('NOT_FOUND', 'user')
  if (acting) {
    guardSuperadmin(acting, found)
    // One's own password changes with the current one (auth.changePassword): a reset here
    // would let a borrowed session take the account over and sign its owner out.
    if (found.id === acting.userId) throw new AppError('CANNOT_CHANGE_OWN_ACCOUNT')
  }
  assertPassword(password, found.username)
  // scrypt takes a few hundred milliseconds: hash before taking the write lock.
  const hash = await hashPassword(password)
  return writeTx(db, async (tx) => {
    const before = await loadUser(tx, found.company_id, found.id)
    const now = clock.now()
    const row = await tx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 1, updated_at: now.toISOString() })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    const ended = await endSessions(tx, now, { userId: before.id }, 'password_reset')
    await appendAudit(
      tx,
      clock,
      { ...actor, companyId: actor.companyId ?? before.company_id },
      {
        action: 'users.reset_password',
        entityType: 'user',
        entityId: before.id,
        before: { must_change_password: before.must_change_password === 1 },
        after: { must_change_password: true, sessions_ended: ended },
      },
    )
    return toUserView(row)
  })
}

/** Deactivation ends every session of the user at once; users are never deleted. */
export async function setUserActive(
  { db, clock }: CoreDeps,
  actor: Actor & { companyId: number },
  acting: ActingUser,
  id: number,
  active: boolean,
): Promise<UserView> {
  return writeTx(db, async (tx) => {
    const before = await loadUser(tx, actor.companyId, id)
    guardSuperadmin(acting, before)
    if (before.id === acting.userId) throw new AppError('CANNOT_CHANGE_OWN_ACCOUNT')
    if ((before.active === 1) === active) return toUserView(before)
    if (
      !active &&
      before.role === 'superadmin' &&
      (await activeSuperadmins(tx, actor.companyId)) <= 1
    ) {
      throw new AppError('LAST_SUPERADMIN')
    }
    const now = clock.now()
    const row = await tx
      .updateTable('users')
      .set({
        active: active ? 1 : 0,
        deactivated_at: active ? null : now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    const ended = active ? 0 : await endSessions(tx, now, { userId: id }, 'user_deactivated')
    await appendAudit(tx, clock, actor, {
      action: active ? 'users.reactivate' : 'users.deactivate',
      entityType: 'user',
      entityId: id,
      before: { active: before.active === 1 },
      after: active ? { active: true } : { active: false, sessions_ended: ended },
    })
    return toUserView(row)
  })
}

function pick(row: UserRow): Record<string, unknown> {
  return Object.fromEntries(AUDITED.map((k) => [k, row[k]]))
}
