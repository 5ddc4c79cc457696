import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { login, resolveSession } from '../auth'
import { client, companyFixture } from '../testing'
import { createUser, listUsers, resetUserPassword, setUserActive, updateUser } from './index'

async function withCashier() {
  const f = await companyFixture()
  const actor = {
    companyId: f.companyId,
    userId: f.ownerId,
    username: 'owner',
    ip: '192.0.2.1',
    userAgent: 'test',
  }
  const acting = { userId: f.ownerId, role: 'superadmin' as const }
  const kasir = await createUser(f.deps, actor, acting, {
    name: 'Siti Kasir',
    username: 'Siti',
    phone: '6281311112222',
    email: null,
    role: 'admin_billing',
    password: 'Awal-Kasir-2026',
  })
  return { ...f, actor, acting, kasir }
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  )

describe('users', () => {
  it('a created user signs in and must change the password first', async () => {
    const { deps, kasir } = await withCashier()
    expect(kasir).toMatchObject({ username: 'siti', mustChangePassword: true, active: true })
    const { mustChangePassword } = await login(
      deps,
      { username: 'siti', password: 'Awal-Kasir-2026' },
      client(),
    )
    expect(mustChangePassword).toBe(true)
  })

  it('usernames are unique, case-insensitively', async () => {
    const { deps, actor, acting } = await withCashier()
    const again = createUser(deps, actor, acting, {
      name: 'Siti Lain',
      username: 'SITI',
      phone: null,
      email: null,
      role: 'viewer',
      password: 'Awal-Kasir-2027',
    })
    expect(await codeOf(again)).toBe('USERNAME_TAKEN')
  })

  it('deactivating a user ends all of their sessions at once', async () => {
    const { deps, actor, acting, kasir } = await withCashier()
    const a = await login(
      deps,
      { username: 'siti', password: 'Awal-Kasir-2026' },
      client('192.0.2.20'),
    )
    const b = await login(
      deps,
      { username: 'siti', password: 'Awal-Kasir-2026' },
      client('192.0.2.21'),
    )
    await setUserActive(deps, actor, acting, kasir.id, false)
    expect(await codeOf(resolveSession(deps, a.token!))).toBe('AUTH_USER_INACTIVE')
    expect(await codeOf(resolveSession(deps, b.token!))).toBe('AUTH_USER_INACTIVE')
    expect(
      await codeOf(login(deps, { username: 'siti', password: 'Awal-Kasir-2026' }, client())),
    ).toBe('AUTH_USER_INACTIVE')
    await setUserActive(deps, actor, acting, kasir.id, true)
    expect(
      await codeOf(login(deps, { username: 'siti', password: 'Awal-Kasir-2026' }, client())),
    ).toBe('ok')
  })

  it('a password reset ends the sessions and forces a change', async () => {
    const { deps, actor, acting, kasir, db } = await withCashier()
    await db
      .updateTable('users')
      .set({ must_change_password: 0 })
      .where('id', '=', kasir.id)
      .execute()
    const s = await login(deps, { username: 'siti', password: 'Awal-Kasir-2026' }, client())
    await resetUserPassword(
      deps,
      actor,
      acting,
      { companyId: actor.companyId, id: kasir.id },
      'Sementara-9876',
    )
    expect(await codeOf(resolveSession(deps, s.token!))).toBe('UNAUTHENTICATED')
    const again = await login(deps, { username: 'siti', password: 'Sementara-9876' }, client())
    expect(again.mustChangePassword).toBe(true)
  })

  it('nobody resets their own password past the current one (fuzz: users.resetPassword {id: own})', async () => {
    const { deps, actor, acting, ownerId, companyId } = await withCashier()
    const s = await login(deps, { username: 'owner', password: 'Sangat-Rahasia-42' }, client())
    const reset = resetUserPassword(
      deps,
      actor,
      acting,
      { companyId, id: ownerId },
      'Diambil-Alih-2026',
    )
    expect(await codeOf(reset)).toBe('CANNOT_CHANGE_OWN_ACCOUNT')
    expect(await codeOf(resolveSession(deps, s.token!))).toBe('ok')
    // The CLI's recovery (no acting user) still resets a forgotten superadmin password.
    await resetUserPassword(deps, actor, null, { companyId, id: ownerId }, 'Dipulihkan-2026')
  })

  it('users are never deleted: a deactivated user stays listed', async () => {
    const { deps, actor, acting, kasir, companyId } = await withCashier()
    await setUserActive(deps, actor, acting, kasir.id, false)
    const all = await listUsers(deps, companyId)
    expect(all.find((u) => u.id === kasir.id)).toMatchObject({ active: false })
  })

  it('nobody deactivates or demotes themselves', async () => {
    const { deps, actor, acting, ownerId } = await withCashier()
    expect(await codeOf(setUserActive(deps, actor, acting, ownerId, false))).toBe(
      'CANNOT_CHANGE_OWN_ACCOUNT',
    )
    expect(
      await codeOf(
        updateUser(deps, actor, acting, {
          id: ownerId,
          name: 'Pemilik',
          phone: null,
          email: null,
          role: 'viewer',
        }),
      ),
    ).toBe('CANNOT_CHANGE_OWN_ACCOUNT')
  })

  it('only a superadmin can hand out the superadmin role', async () => {
    const { deps, kasir, companyId } = await withCashier()
    const lesser = { userId: kasir.id, role: 'admin_billing' as const }
    const actor = { companyId, userId: kasir.id, username: 'siti', ip: null, userAgent: null }
    const attempt = createUser(deps, actor, lesser, {
      name: 'Bos Palsu',
      username: 'bos',
      phone: null,
      email: null,
      role: 'superadmin',
      password: 'Bos-Palsu-2026',
    })
    expect(await codeOf(attempt)).toBe('SUPERADMIN_ONLY')
  })

  it('edits are audited with the fields before and after, never the password', async () => {
    const { deps, actor, acting, kasir, db } = await withCashier()
    await updateUser(deps, actor, acting, {
      id: kasir.id,
      name: 'Siti Aminah',
      phone: '6281311112222',
      email: null,
      role: 'viewer',
    })
    const entry = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'users.update')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(entry.before_json!)).toEqual({ name: 'Siti Kasir', role: 'admin_billing' })
    expect(JSON.parse(entry.after_json!)).toEqual({ name: 'Siti Aminah', role: 'viewer' })
    const created = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'users.create')
      .executeTakeFirstOrThrow()
    expect(created.after_json).not.toMatch(/password|scrypt/)
  })
})

describe('password rule with the username', () => {
  it('a new user whose password contains the username is refused', async () => {
    const { deps, actor, acting } = await withCashier()
    const weak = createUser(deps, actor, acting, {
      name: 'Weak User',
      username: 'weakuser1',
      phone: null,
      email: null,
      role: 'viewer',
      password: 'weakuser1weakuser1',
    })
    expect(await codeOf(weak)).toBe('PASSWORD_TOO_WEAK')
  })

  it('an admin reset to a password containing the username is refused', async () => {
    const { deps, actor, acting, kasir } = await withCashier()
    const reset = resetUserPassword(
      deps,
      actor,
      acting,
      { companyId: actor.companyId, id: kasir.id },
      'siti-kasir-baru-2026',
    )
    expect(await codeOf(reset)).toBe('PASSWORD_TOO_WEAK')
  })
})
