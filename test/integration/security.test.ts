import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { OWNER, apiCode, setupCompany, startTestHost, type TestHost } from '../helpers/http-host'

let host: TestHost
let ownerToken: string
beforeEach(async () => {
  host = await startTestHost()
  await setupCompany(host)
  ownerToken = (await host.client().auth.login.mutate(OWNER)).token!
})
afterEach(async () => {
  await host.stop()
})

const KASIR = { username: 'kasir1', password: 'Awal-Kasir-2026' }

async function addCashier(): Promise<number> {
  const user = await host.client(ownerToken).users.create.mutate({
    name: 'Kasir Satu',
    username: KASIR.username,
    phone: '0813-1111-2222',
    email: 'kasir@netjaya.id',
    role: 'admin_billing',
    password: KASIR.password,
  })
  return user.id
}

describe('security over the real HTTP API', () => {
  it('a new user must change the password before anything else', async () => {
    await addCashier()
    const { token, mustChangePassword } = await host.client().auth.login.mutate(KASIR)
    expect(mustChangePassword).toBe(true)
    const kasir = host.client(token)
    expect(await apiCode(kasir.company.get.query())).toBe('PASSWORD_CHANGE_REQUIRED')
    expect((await kasir.auth.me.query()).user.mustChangePassword).toBe(true)
    expect(
      await apiCode(
        kasir.auth.changePassword.mutate({
          currentPassword: KASIR.password,
          newPassword: KASIR.password,
        }),
      ),
    ).toBe('PASSWORD_REUSED')
    await kasir.auth.changePassword.mutate({
      currentPassword: KASIR.password,
      newPassword: 'Kasir-Baru-2026!',
    })
    expect((await kasir.company.get.query()).name).toBe('Net Jaya')
  })

  it('the API refuses what the role may not do, whatever the menu shows', async () => {
    await addCashier()
    const { token } = await host.client().auth.login.mutate(KASIR)
    await host.client(token).auth.changePassword.mutate({
      currentPassword: KASIR.password,
      newPassword: 'Kasir-Baru-2026!',
    })
    const kasir = host.client(token)
    expect(await apiCode(kasir.users.list.query({}))).toBe('FORBIDDEN')
    expect(await apiCode(kasir.audit.list.query({}))).toBe('FORBIDDEN')
    expect(
      await apiCode(
        kasir.roles.update.mutate({ role: 'admin_billing', permissions: ['users.view'] }),
      ),
    ).toBe('FORBIDDEN')
    const me = await kasir.auth.me.query()
    expect(me.permissions).not.toContain('users.view')

    // The superadmin grants users.view: the same session may now list users, but not manage them.
    await host.client(ownerToken).roles.update.mutate({
      role: 'admin_billing',
      permissions: ['dashboard.view', 'company.view', 'users.view'],
    })
    expect((await kasir.users.list.query({})).length).toBe(2)
    expect(await apiCode(kasir.users.deactivate.mutate({ id: 1 }))).toBe('FORBIDDEN')
  })

  it('deactivating a user kills their live session at once', async () => {
    const id = await addCashier()
    const { token } = await host.client().auth.login.mutate(KASIR)
    expect((await host.client(token).auth.me.query()).user.username).toBe('kasir1')
    await host.client(ownerToken).users.deactivate.mutate({ id })
    expect(await apiCode(host.client(token).auth.me.query())).toBe('AUTH_USER_INACTIVE')
    expect(await apiCode(host.client().auth.login.mutate(KASIR))).toBe('AUTH_USER_INACTIVE')
  })

  it('locks out after 5 failed sign-ins and says for how long', async () => {
    const wrong = { username: 'owner', password: 'tebak-tebak-123' }
    for (let i = 0; i < 4; i++)
      expect(await apiCode(host.client().auth.login.mutate(wrong))).toBe('AUTH_INVALID_CREDENTIALS')
    const fifth = await host
      .client()
      .auth.login.mutate(wrong)
      .catch(
        (e: {
          data: {
            httpStatus: number
            error: { code: string; details: { retryAfterSeconds: number } }
          }
        }) => e.data,
      )
    expect(fifth).toMatchObject({
      httpStatus: 429,
      error: { code: 'AUTH_LOCKED', details: { retryAfterSeconds: 900 } },
    })
    expect(await apiCode(host.client().auth.login.mutate(OWNER))).toBe('AUTH_LOCKED')
    host.clock.advanceMinutes(15)
    expect(await apiCode(host.client().auth.login.mutate(OWNER))).toBe('ok')
  })

  it('sign-out ends the session', async () => {
    const owner = host.client(ownerToken)
    await owner.auth.logout.mutate()
    expect(await apiCode(owner.auth.me.query())).toBe('UNAUTHENTICATED')
  })

  it('the audit page shows sign-ins and mutations with who, where and what', async () => {
    await addCashier()
    await apiCode(
      host
        .client(undefined, 'Mozilla/5.0 Test')
        .auth.login.mutate({ username: 'kasir1', password: 'keliru-sekali-1' }),
    )
    const { entries } = await host.client(ownerToken).audit.list.query({})
    const actions = entries.map((e) => e.action)
    expect(actions).toEqual([
      'auth.login.failure',
      'users.create',
      'auth.login.success',
      'setup.complete',
    ])
    expect(entries[0]).toMatchObject({
      username: 'kasir1',
      ip: '127.0.0.1',
      userAgent: 'Mozilla/5.0 Test',
    })
    expect(entries[1]).toMatchObject({
      username: 'owner',
      entityType: 'user',
      after: { username: 'kasir1', role: 'admin_billing' },
    })
    const onlyCreates = await host.client(ownerToken).audit.list.query({ action: 'users.' })
    expect(onlyCreates.entries.map((e) => e.action)).toEqual(['users.create'])
    expect(await host.client(ownerToken).audit.verify.query()).toMatchObject({
      ok: true,
      entries: 4,
    })
  })
})
