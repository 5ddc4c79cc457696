import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { startMessageSim, type MessageSim } from '../sim/messaging/index'
import { startRouterSim, type RouterSim } from '../sim/routeros/index'
import { makeOnus, startOltSim, type OltSim } from '../sim/olt/index'
import { OWNER, signIn } from './api'
import { expect, test } from './fixtures'
import { clippedOn } from './layout-check'
import { seedEveryPage, seedRouter } from './layout-data'
import { seedOlt, seedTopology } from './olt-data'
import { appRoutes, layoutStops } from './layout-stops'

/** The usual office screen. */
test.use({ viewport: { width: 1366, height: 768 } })

/** A folder to keep what the window shows at every stop in (LAYOUT_SHOTS=/tmp/shots npx playwright …). */
const SHOTS = process.env.LAYOUT_SHOTS

let sim: RouterSim
let wa: MessageSim
let olt: OltSim
test.beforeEach(async () => {
  sim = await startRouterSim({ port: 0 })
  seedRouter(sim)
  wa = await startMessageSim()
  olt = await startOltSim({ vendor: 'huawei', onus: makeOnus('huawei', 96) })
})
test.afterEach(async () => {
  await sim.close()
  await wa.close()
  await olt.close()
})

test('at 1366×768 no amount, badge or column header is cut and no table is wider than its card', async ({
  page,
  host,
}) => {
  if (SHOTS) mkdirSync(SHOTS, { recursive: true })
  const problems: string[] = []
  const look = async (name: string) => {
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
    problems.push(...(await clippedOn(page, name)))
    if (SHOTS) {
      const file = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()
      await page.screenshot({ path: path.join(SHOTS, `${file}.png`) })
    }
  }

  // Before there is a company: the setup wizard, then (after setup) the sign-in page.
  await page.goto(`${host.url}setup`)
  await expect(page.getByRole('heading').first()).toBeVisible()
  await look('Penyiapan')
  const { token, data } = await seedEveryPage(page.request, host, sim, wa)
  const seeded = await seedOlt(page.request, host, token, olt)
  await seedTopology(page.request, host, token, seeded.id, data.customer.id)
  await page.goto(`${host.url}login`)
  await expect(page.getByLabel('Nama pengguna')).toBeVisible()
  await look('Masuk')
  await signIn(page, host, OWNER, 'Pelanggan')

  const all = layoutStops(data)
  // One test walks every page (the seeding is done once): its limit grows with the pages, about
  // 10 s for each on a busy 2-core machine (a page usually takes 1–3 s).
  test.setTimeout(120_000 + all.length * 10_000)
  const visited = new Set(['/setup', '/login', ...all.map((s) => s.route)])
  // The technician's phone pages (/lapangan…) are phone pages: field.spec.ts looks at them at 390×844.
  // The customer portal (/portal/*) is phone first: portal.spec.ts checks it at 390×844 and 1366×768.
  const phonePage = (r: string) =>
    r === '/lapangan' || r.startsWith('/lapangan/') || r.startsWith('/portal')
  expect(appRoutes().filter((r) => !visited.has(r) && !phonePage(r))).toEqual([])

  for (const stop of all) {
    await page.goto(`${host.url}${stop.url}`)
    await expect(stop.ready(page), stop.name).toBeVisible({ timeout: 20_000 })
    await stop.then?.(page)
    await look(stop.name)
  }
  // The same cut badge on every row is one finding, counted.
  const counted = [...new Set(problems)].map((p) => {
    const times = problems.filter((x) => x === p).length
    return times > 1 ? `${p} (×${times})` : p
  })
  expect(counted, `cut at 1366×768:\n${counted.join('\n')}`).toEqual([])
})
