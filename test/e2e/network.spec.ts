import { startRouterSim, type RouterSim } from '../sim/routeros/index'
import { addSimRouter, call, OWNER, setUpCompany, signIn } from './api'
import { expect, test } from './fixtures'

let sim: RouterSim
test.beforeEach(async () => {
  sim = await startRouterSim({ port: 0 })
  sim.state.add('/ppp/profile', { name: '10M', 'rate-limit': '10M/10M' })
  sim.state.add('/ppp/profile', { name: 'ISOLIR', 'rate-limit': '256k/256k' })
  for (const [i, name] of ['Budi Santoso', 'Siti Aminah', 'Agus Salim'].entries())
    sim.state.add('/ppp/secret', {
      name: `user${i + 1}`,
      password: `rahasia${i + 1}`,
      service: 'pppoe',
      profile: '10M',
      comment: name,
    })
})
test.afterEach(async () => {
  await sim.close()
})

const secret = (name: string) => sim.state.find('/ppp/secret', { name })[0]

test('add a router → import its secrets → isolate a customer → restore → nothing differs', async ({
  page,
  request,
  host,
}) => {
  const token = await setUpCompany(request, host)
  await call(request, host, token, 'catalog.createArea', { code: 'CBG01', name: 'Cibinong' })
  await signIn(page, host, OWNER, 'Pelanggan')

  // The router, through the form, tested before it is saved.
  await page.getByTestId('nav-network').click()
  await page.getByRole('button', { name: 'Tambah router' }).click()
  const form = page.getByRole('dialog')
  await form.getByLabel('Nama router').fill('POP Utama')
  await form.getByLabel('Alamat IP / host').fill('127.0.0.1')
  await form.getByLabel('Port API').fill(String(sim.port))
  await form.getByLabel('User API').fill('admin')
  await form.getByLabel('Kata sandi API').fill('salah')
  await form.getByTestId('router-test').click()
  await expect(form.getByText('kata sandi API salah')).toBeVisible()
  await form.getByLabel('Kata sandi API').fill('admin')
  await form.getByTestId('router-test').click()
  await expect(form.getByTestId('router-test-ok')).toContainText('Terhubung ke MikroTik')
  await expect(form.getByTestId('router-test-ok')).toContainText('RouterOS 7.18')
  await form.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByTestId('router-row')).toContainText('POP Utama')

  // Editing: the saved password is tested where it was saved, and never taken to a new port.
  await page.getByTestId('router-row').getByRole('button', { name: 'Ubah' }).click()
  await form.getByTestId('router-test').click()
  await expect(form.getByTestId('router-test-ok')).toContainText('Terhubung ke MikroTik')
  await form.getByLabel('Port API').fill(String(sim.port + 1))
  await expect(form.getByText('Alamat tujuan berubah: masukkan kata sandi lagi.')).toBeVisible()
  await form.getByTestId('router-test').click()
  await expect(form.getByText('Masukkan kata sandi lagi: alamat tujuan berubah.')).toBeVisible()
  await form.getByRole('button', { name: 'Batal' }).click()

  // Its secrets become customers.
  await page.getByRole('link', { name: 'Impor dari router' }).click()
  await page.getByRole('button', { name: 'Baca router' }).click()
  await expect(page.getByTestId('router-import-new')).toHaveText('3')
  await page.getByTestId('router-import-area').click()
  await page.getByRole('option', { name: 'CBG01 · Cibinong' }).click()
  await page.getByRole('button', { name: 'Impor sekarang' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Impor sekarang' }).click()
  await expect(page.getByTestId('router-import-done')).toContainText(
    '3 pelanggan dan 3 layanan dibuat',
  )

  // Siti is online; isolating her moves the secret to ISOLIR and kicks the session.
  sim.state.setOnline([{ name: 'user2', address: '10.10.10.2', callerId: 'AA:BB:CC:DD:EE:02' }])
  await page.getByTestId('nav-customers').click()
  await page.getByLabel('Cari pelanggan').fill('Siti')
  await expect(page.getByTestId('customer-row')).toHaveCount(1)
  await page.getByTestId('customer-row').click()
  await page.getByTestId('service-isolir').click()
  const isolate = page.getByRole('dialog')
  await expect(isolate.getByTestId('preview-changes')).toContainText('1 layanan akan diubah')
  await isolate.getByTestId('isolir-apply').click()
  await expect(page.getByTestId('service-card')).toHaveAttribute('data-status', 'isolir')
  // The host's worker applies the job at once; the card drops "menunggu router" when it is done.
  await expect.poll(() => secret('user2')?.profile).toBe('ISOLIR')
  expect(sim.kicked).toEqual(['user2'])
  await page.reload()
  await expect(page.getByTestId('device-state')).toHaveCount(0)

  // Restore: the package profile comes back and the session is kicked again.
  sim.state.setOnline([{ name: 'user2', address: '10.255.255.2' }])
  await page.getByTestId('service-restore').click()
  await page.getByRole('dialog').getByTestId('isolir-apply').click()
  await expect(page.getByTestId('service-card')).toHaveAttribute('data-status', 'aktif')
  await expect.poll(() => secret('user2')?.profile).toBe('10M')
  expect(sim.kicked).toEqual(['user2', 'user2'])

  // The router and Loket agree, and the queue is empty.
  await page.goto(`${host.url}network?tab=reconcile`)
  await expect(page.getByTestId('reconcile-empty')).toContainText('Tidak ada perbedaan')
  await page.getByRole('tab', { name: 'Antrean router' }).click()
  await expect(page.getByText('Semua perubahan sudah diterapkan di router.')).toBeVisible()
})

test('a router that is down: the batch waits in the queue with its error, then applies', async ({
  page,
  request,
  host,
}) => {
  const token = await setUpCompany(request, host)
  const area = await call<{ id: number }>(request, host, token, 'catalog.createArea', {
    code: 'CBG01',
    name: 'Cibinong',
  })
  const router = await addSimRouter(request, host, token, sim.port)
  await call(request, host, token, 'routerImport.commit', { routerId: router.id, areaId: area.id })
  await signIn(page, host, OWNER, 'Pelanggan')
  await sim.down()

  await page.goto(`${host.url}network?tab=batch`)
  await expect(page.getByTestId('batch-row')).toHaveCount(3)
  await page.getByRole('checkbox', { name: 'Pilih semua' }).check()
  await expect(page.getByTestId('batch-selected')).toContainText('3 dipilih')
  await page.getByTestId('batch-preview').click()
  await expect(page.getByRole('dialog').getByTestId('preview-changes')).toContainText(
    '3 layanan akan diubah',
  )
  await page.getByRole('dialog').getByTestId('isolir-apply').click()
  await expect(page.getByTestId('batch-row')).toHaveCount(0)

  await page.getByRole('tab', { name: 'Antrean router' }).click()
  await expect(page.getByTestId('job-row')).toHaveCount(3)
  await expect(page.getByTestId('job-error').first()).toBeVisible()

  await sim.up()
  await page.getByTestId('run-queue').click()
  await expect(page.getByText('Semua perubahan sudah diterapkan di router.')).toBeVisible()
  for (const name of ['user1', 'user2', 'user3']) expect(secret(name)?.profile).toBe('ISOLIR')
})
