import type { APIRequestContext, Page } from '@playwright/test'
import { expect, type Host } from './fixtures'

/** A tRPC call over HTTP, the way the browser client makes it (no batching, no transformer). */
export async function call<T>(
  request: APIRequestContext,
  host: Host,
  token: string | null,
  procedure: string,
  input: unknown,
  kind: 'query' | 'mutation' = 'mutation',
): Promise<T> {
  const headers = token ? { Authorization: `Bearer ${token}` } : undefined
  const url = `${host.url}api/trpc/${procedure}`
  const answer =
    kind === 'mutation'
      ? await request.post(url, { data: input, headers })
      : await request.get(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers,
        })
  expect(answer.ok(), `${procedure}: ${await answer.text()}`).toBe(true)
  return (await answer.json()).result.data as T
}

/** Signs in with the keyboard (Enter submits) and waits for a sidebar entry of the role. */
export async function signIn(
  page: Page,
  host: Host,
  user: { username: string; password: string },
  landmark: string,
): Promise<void> {
  await page.goto(host.url)
  await page.getByLabel('Nama pengguna').fill(user.username)
  await page.getByLabel('Kata sandi', { exact: true }).fill(user.password)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('link', { name: landmark })).toBeVisible()
}

export const OWNER = { username: 'owner', password: 'Sangat-Rahasia-42' }

/** The setup wizard over the API: company Net Jaya and its owner; returns the owner's token. */
export async function setUpCompany(request: APIRequestContext, host: Host): Promise<string> {
  const { token } = await call<{ token: string }>(request, host, null, 'setup.complete', {
    company: {
      name: 'Net Jaya',
      address: 'Jl. Raya Bogor',
      phone: '081234567890',
      timeZone: 'Asia/Jakarta',
    },
    admin: { name: 'Pemilik', username: OWNER.username, password: OWNER.password },
  })
  return token
}

/**
 * A cashier (Admin Tagihan) `kasir1` made by the owner, past the forced first password change;
 * returns what signs them in and their API token.
 */
export async function cashierReady(
  request: APIRequestContext,
  host: Host,
  ownerToken: string,
): Promise<{ user: { username: string; password: string }; token: string }> {
  const first = { username: 'kasir1', password: 'Awal-Kasir-2026' }
  await call(request, host, ownerToken, 'users.create', {
    name: 'Kasir Satu',
    role: 'admin_billing',
    ...first,
  })
  const { token } = await call<{ token: string }>(request, host, null, 'auth.login', first)
  const user = { username: first.username, password: 'Kasir-Baru-2026' }
  await call(request, host, token, 'auth.changePassword', {
    currentPassword: first.password,
    newPassword: user.password,
  })
  return { user, token }
}

/** A router pointing at a RouterOS simulator on 127.0.0.1 (user admin/admin). */
export function addSimRouter(
  request: APIRequestContext,
  host: Host,
  token: string,
  port: number,
  name = 'POP Utama',
): Promise<{ id: number; name: string }> {
  return call(request, host, token, 'network.createRouter', {
    name,
    host: '127.0.0.1',
    port,
    tls: false,
    username: 'admin',
    password: 'admin',
  })
}
