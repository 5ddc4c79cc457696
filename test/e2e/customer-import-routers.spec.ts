import { readFileSync } from 'node:fs'
import path from 'node:path'
import { startRouterSim, type RouterSim } from '../sim/routeros/index'
import { addSimRouter, call, OWNER, setUpCompany, signIn } from './api'
import { expect, test } from './fixtures'

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/imports')
const file = (name: string) => readFileSync(path.join(FIXTURES, name)).toString('base64')

let sims: RouterSim[] = []
test.afterEach(async () => {
  await Promise.all(sims.map((s) => s.close()))
  sims = []
})

test('with two routers the import asks which router serves each area before it runs', async ({
  page,
  request,
  host,
}) => {
  const token = await setUpCompany(request, host)
  for (const [name, kind] of [
    ['areas.csv', 'areas'],
    ['paket.csv', 'products'],
  ] as const)
    await call(request, host, token, 'imports.commit', {
      fileName: name,
      contentBase64: file(name),
      kind,
    })
  sims = [await startRouterSim({ port: 0 }), await startRouterSim({ port: 0 })]
  const utara = await addSimRouter(request, host, token, sims[0]!.port, 'POP Utara')
  const selatan = await addSimRouter(request, host, token, sims[1]!.port, 'POP Selatan')

  await signIn(page, host, OWNER, 'Pelanggan')
  await page.goto(`${host.url}customers/import`)
  await page.getByRole('radio', { name: 'Pelanggan', exact: true }).check()
  await page.locator('input[type="file"]').setInputFiles(path.join(FIXTURES, 'pelanggan-20.csv'))
  await page.getByRole('button', { name: 'Lanjut' }).click()
  await expect(page.getByTestId('import-mapping')).toBeVisible()
  await page.getByRole('button', { name: 'Lanjut' }).click()

  // The file has no router column: each area's working services need a router first.
  const areas = page.getByTestId('import-router-area')
  await expect(areas).toHaveCount(2)
  await expect(page.getByTestId('import-router-missing')).toContainText(
    '18 layanan aktif belum punya router. Pilih router untuk area BJG02, CBG01',
  )
  await expect(page.getByRole('button', { name: 'Impor sekarang' })).toBeDisabled()

  await page.getByLabel('Router untuk area CBG01').click()
  await page.getByRole('option', { name: 'POP Utara' }).click()
  await expect(page.getByTestId('import-router-missing')).toContainText('area BJG02')
  await page.getByLabel('Router untuk area BJG02').click()
  await page.getByRole('option', { name: 'POP Selatan' }).click()
  await expect(page.getByTestId('import-router-missing')).toHaveCount(0)
  await expect(page.getByTestId('import-ready')).toBeVisible()
  await page.getByRole('button', { name: 'Impor sekarang' }).click()
  await expect(page.getByText('Impor selesai', { exact: true })).toBeVisible()

  // CBG01's aktif and isolir services (9) on POP Utara, BJG02's 9 aktif on POP Selatan.
  const on = async (routerId: number, action: 'isolir' | 'restore') =>
    (
      await call<{ rows: unknown[] }>(
        request,
        host,
        token,
        'network.isolirCandidates',
        { action, routerId },
        'query',
      )
    ).rows.length
  expect((await on(utara.id, 'isolir')) + (await on(utara.id, 'restore'))).toBe(9)
  expect(await on(selatan.id, 'isolir')).toBe(9)
})
