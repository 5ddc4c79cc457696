import { mkdirSync } from 'node:fs'
import type { APIRequestContext, Page } from '@playwright/test'
import { call, setUpCompany } from './api'
import { expect, type Host } from './fixtures'

/** The technician's phone in the E2E tests: Rudi, his company, his sign-in and screenshots. */
export const RUDI = { username: 'rudi', password: 'Teknisi-Baru-2026' }
export const FIELD_SHOTS = '/tmp/shots-field'

/**
 * A company with Rudi as its technician (his first password already changed, as on a real
 * phone) and one area: the owner's token, Rudi's user id and the area's id.
 */
export async function companyWithRudi(request: APIRequestContext, host: Host) {
  const owner = await setUpCompany(request, host)
  const first = { username: RUDI.username, password: 'Awal-Teknisi-2026' }
  await call(request, host, owner, 'users.create', {
    name: 'Rudi Teknisi',
    role: 'technician',
    ...first,
  })
  const { token } = await call<{ token: string }>(request, host, null, 'auth.login', first)
  await call(request, host, token, 'auth.changePassword', {
    currentPassword: first.password,
    newPassword: RUDI.password,
  })
  const me = await call<{ user: { id: number } }>(
    request,
    host,
    token,
    'auth.me',
    undefined,
    'query',
  )
  const area = await call<{ id: number }>(request, host, owner, 'catalog.createArea', {
    code: 'CBG01',
    name: 'Cibinong',
  })
  return { owner, rudiId: me.user.id, areaId: area.id }
}

/** Rudi opens his bookmark (/lapangan) and signs in; the sign-in comes back to Tugas saya. */
export async function rudiSignsInOnPhone(page: Page, host: Host) {
  await page.goto(`${host.url}lapangan`)
  await page.getByLabel('Nama pengguna').fill(RUDI.username)
  await page.getByLabel('Kata sandi', { exact: true }).fill(RUDI.password)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Tugas saya' })).toBeVisible()
}

export async function phoneShot(page: Page, name: string) {
  mkdirSync(FIELD_SHOTS, { recursive: true })
  // A full-page shot of a scrolled page would draw the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: `${FIELD_SHOTS}/${name}.png`, fullPage: true })
}
