import type { Role } from '@shared/permissions'
import type { TestHost } from './http-host'

/** A first password for each role's test user; changed at first sign-in as the policy asks. */
const FIRST = 'Awal-Masuk-2026!'
const CHOSEN = 'Pilihan-Sendiri-2026!'

/**
 * A signed-in API client for a new user of `role`, created by the owner: the way a probe signs
 * in as each role to try every procedure.
 */
export async function signInAs(
  host: TestHost,
  ownerToken: string,
  role: Role,
  username: string = role,
) {
  const name = username.replace(/_/g, '')
  await host.client(ownerToken).users.create.mutate({
    name: `Pengguna ${name}`,
    username: name,
    role,
    password: FIRST,
  })
  const { token } = await host.client().auth.login.mutate({ username: name, password: FIRST })
  await host
    .client(token)
    .auth.changePassword.mutate({ currentPassword: FIRST, newPassword: CHOSEN })
  return host.client(token)
}
