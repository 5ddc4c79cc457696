import { mkdirSync } from 'node:fs'
import type { APIRequestContext } from '@playwright/test'
import { call, OWNER, setUpCompany, signIn } from './api'
import { expect, test, type Host } from './fixtures'

/**
 * Ticket SLA on the real host and clock: with a one-minute target for darurat, a ticket left
 * alone rings the owner's bell after the ticket-sla job, and Laporan → Tiket counts the late
 * resolution against the ones in time. Screenshots go to /tmp/shots-sla/.
 */
const SHOTS = '/tmp/shots-sla'

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  mkdirSync(SHOTS, { recursive: true })
})

interface Ticket {
  id: number
  number: string
}

async function runJob(request: APIRequestContext, host: Host, token: string) {
  const { runId } = await call<{ runId: number }>(request, host, token, 'schedule.runNow', {
    job: 'ticket-sla',
  })
  for (let i = 0; i < 100; i++) {
    const run = await call<{ status: string; counts: Record<string, number> }>(
      request,
      host,
      token,
      'schedule.run',
      { id: runId },
      'query',
    )
    if (run.status !== 'running') return run
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('ticket-sla did not finish')
}

test('a ticket past its SLA rings the bell; Laporan → Tiket shows the shares within SLA', async ({
  page,
  request,
  host,
}) => {
  test.setTimeout(180_000)
  const token = await setUpCompany(request, host)
  const api = <T>(procedure: string, input: unknown, kind: 'query' | 'mutation' = 'mutation') =>
    call<T>(request, host, token, procedure, input, kind)
  await api('users.create', {
    name: 'Andi Teknisi',
    username: 'andi',
    role: 'technician',
    password: 'Awal-Masuk-2026!',
  })
  const settings = await api<{ sla: Record<string, unknown> }>(
    'tickets.settings',
    undefined,
    'query',
  )
  await api('tickets.saveSettings', {
    ...settings,
    sla: { ...settings.sla, darurat: { firstResponseMinutes: 1, resolutionMinutes: 1 } },
  })
  const people = await api<{ id: number; username: string }[]>(
    'tickets.assignees',
    undefined,
    'query',
  )
  const andi = people.find((u) => u.username === 'andi')!.id
  const owner = people.find((u) => u.username === OWNER.username)!.id
  const open = (input: Record<string, unknown>) => api<Ticket>('tickets.open', input)
  const move = async (t: Ticket, ...statuses: string[]) => {
    for (const status of statuses) await api('tickets.update', { id: t.id, status })
  }
  const openedAt = Date.now()

  const left = await open({
    category: 'gangguan',
    priority: 'darurat',
    title: 'Satu RT mati total',
    assigneeId: andi,
  })
  const lateOne = await open({
    category: 'gangguan',
    priority: 'darurat',
    title: 'ODP tiang 12 putus',
    assigneeId: andi,
  })
  await move(lateOne, 'dalam_proses')
  const billing = await open({ category: 'tagihan', priority: 'sedang', title: 'Tagihan dobel' })
  await move(billing, 'dalam_proses', 'menunggu_konfirmasi', 'selesai')
  const device = await open({
    category: 'perangkat',
    priority: 'tinggi',
    title: 'ONU sering restart',
    assigneeId: andi,
  })
  await move(device, 'dalam_proses')
  const install = await open({
    category: 'pemasangan',
    priority: 'rendah',
    title: 'Pindah posisi router',
    assigneeId: owner,
  })
  await move(install, 'dalam_proses', 'menunggu_konfirmasi', 'selesai')
  const wrong = await open({ category: 'lainnya', priority: 'sedang', title: 'Salah sambung' })
  await move(wrong, 'dibatalkan')

  // Before the due time the job finds nothing.
  expect((await runJob(request, host, token)).counts).toMatchObject({ notified: 0 })

  // Past the one-minute targets.
  await page.waitForTimeout(Math.max(0, openedAt + 62_000 - Date.now()))
  await move(lateOne, 'menunggu_konfirmasi', 'selesai')
  const run = await runJob(request, host, token)
  // The untouched ticket breaches both targets; the owner is its only supervisor besides Andi.
  expect(run.counts).toMatchObject({
    first_response_breaches: 1,
    resolution_breaches: 1,
    notified: 4,
  })
  expect((await runJob(request, host, token)).counts).toMatchObject({ notified: 0 })

  await signIn(page, host, OWNER, 'Pengguna')
  await page.getByTestId('notification-bell').click()
  const list = page.getByTestId('notification-list')
  await expect(
    list.getByText(`Tiket ${left.number} (darurat) belum ditanggapi melewati target SLA`),
  ).toBeVisible()
  await expect(
    list.getByText(`Tiket ${left.number} (darurat) belum selesai melewati target SLA`),
  ).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/bell-sla-1366.png` })
  await list.getByText(`Tiket ${left.number} (darurat) belum selesai`).click()
  await expect(page).toHaveURL(new RegExp(`/tiket/${left.id}$`))
  // The notice opens the ticket itself, which shows the breach too.
  await expect(page.getByTestId('ticket-number')).toHaveText(left.number)
  await expect(page.getByTestId('sla-breached').first()).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/bell-opens-ticket-1366.png` })

  await page.goto(`${host.url}reports`)
  await page.getByRole('tab', { name: 'Tiket' }).click()
  await expect(page).toHaveURL(/tab=tickets/)
  const summary = page.getByTestId('tickets-summary')
  // Opened 6; resolved 3 (one late) → 66,7%; answered in time 5 of 6 (the one left alone) → 83,3%.
  await expect(summary).toContainText('66,7%')
  await expect(summary).toContainText('83,3%')
  const byCategory = page.getByTestId('tickets-by-category')
  await expect(byCategory.getByRole('row', { name: /Gangguan/ })).toContainText('0%')
  await expect(page.getByTestId('tickets-by-assignee')).toContainText('Belum ditugaskan')
  await page.screenshot({ path: `${SHOTS}/laporan-tiket-1366.png` })
  await page.screenshot({ path: `${SHOTS}/laporan-tiket-full-1366.png`, fullPage: true })

  const download = page.waitForEvent('download')
  await page.getByRole('tabpanel').getByRole('button', { name: 'Excel' }).click()
  expect((await download).suggestedFilename()).toMatch(
    /^tiket-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.xlsx$/,
  )
})
