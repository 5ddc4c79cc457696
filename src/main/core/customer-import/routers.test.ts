import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { generateDemoData } from '../demo-data'
import { companyFixture } from '../testing'
import { commitImport, parseImportFile, previewImport } from './index'

const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, '../../../../test/fixtures/imports', name))
const TZ = 'Asia/Jakarta'
const HEADER = 'nama;telepon;area;paket;status;router'

/** A company with areas CBG01/BJG02, the fixture packages, and two routers. */
async function twoRouters() {
  const f = await companyFixture()
  const actor = {
    companyId: f.companyId,
    userId: f.ownerId,
    username: 'owner',
    ip: null,
    userAgent: null,
  }
  await commitImport(
    f.deps,
    actor,
    await parseImportFile(fixture('areas.csv'), 'a.csv', 'areas'),
    TZ,
  )
  await commitImport(
    f.deps,
    actor,
    await parseImportFile(fixture('paket.csv'), 'p.csv', 'products'),
    TZ,
  )
  const router = async (name: string, areaId: number | null = null) =>
    (
      await f.db
        .insertInto('routers')
        .values({
          company_id: f.companyId,
          name,
          host: '127.0.0.1',
          port: 8728,
          tls: 0,
          username: 'admin',
          password_sealed: '',
          area_id: areaId,
          created_at: '2026-11-22T00:00:00Z',
          updated_at: '2026-11-22T00:00:00Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const utara = await router('POP Utara')
  const selatan = await router('POP Selatan')
  const csv = async (lines: string[]) =>
    parseImportFile(Buffer.from([HEADER, ...lines].join('\n') + '\n'), 'p.csv', 'customers')
  const services = () =>
    f.db
      .selectFrom('services as s')
      .innerJoin('customers as c', 'c.id', 's.customer_id')
      .select(['c.name', 's.status', 's.router_id'])
      .orderBy('c.name')
      .execute()
  return { ...f, actor, router, utara, selatan, csv, services }
}

describe('customer import with two or more routers', () => {
  it('the router column puts each service on the router it names; an unknown name is the row error', async () => {
    const f = await twoRouters()
    const wrong = await previewImport(
      f.deps,
      f.companyId,
      await f.csv(['Budi;081211110001;CBG01;Rumah 10 Mbps;aktif;POP Barat']),
    )
    expect(wrong.errors).toEqual([
      {
        row: 2,
        column: 'router',
        messageKey: 'import.unknown_router',
        params: { value: 'POP Barat' },
      },
    ])
    const input = await f.csv([
      'Budi;081211110001;CBG01;Rumah 10 Mbps;aktif;POP Utara',
      'Siti;081211110002;CBG01;Rumah 10 Mbps;aktif;pop selatan',
    ])
    const preview = await previewImport(f.deps, f.companyId, input)
    expect(preview.routers).toMatchObject({ areas: [], missing: 0 })
    await commitImport(f.deps, f.actor, input, TZ)
    expect(await f.services()).toEqual([
      { name: 'Budi', status: 'aktif', router_id: f.utara },
      { name: 'Siti', status: 'aktif', router_id: f.selatan },
    ])
    const jobs = await f.db
      .selectFrom('device_jobs')
      .select('router_id')
      .orderBy('router_id')
      .execute()
    expect(jobs.map((j) => j.router_id)).toEqual([f.utara, f.selatan])
  })

  it('without the column the preview asks for a router per area, and the commit waits for it', async () => {
    const f = await twoRouters()
    const input = await f.csv([
      'Budi;081211110001;CBG01;Rumah 10 Mbps;aktif;',
      'Siti;081211110002;CBG01;Rumah 10 Mbps;isolir;',
      'Dewi;081211110003;BJG02;Rumah 10 Mbps;registrasi;',
    ])
    const preview = await previewImport(f.deps, f.companyId, input)
    expect(preview.routers).toMatchObject({
      routers: [
        { id: f.selatan, name: 'POP Selatan' },
        { id: f.utara, name: 'POP Utara' },
      ],
      areas: [
        { areaCode: 'BJG02', services: 1, working: 0, routerId: null },
        { areaCode: 'CBG01', services: 2, working: 2, routerId: null },
      ],
      missing: 2,
    })
    const refused = await commitImport(f.deps, f.actor, input, TZ).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(AppError)
    expect(refused).toMatchObject({
      code: 'IMPORT_ROUTER_REQUIRED',
      details: { count: 2, areas: 'CBG01' },
    })
    expect(await f.services()).toEqual([])

    await commitImport(f.deps, f.actor, { ...input, routerForArea: { CBG01: f.selatan } }, TZ)
    expect(await f.services()).toEqual([
      { name: 'Budi', status: 'aktif', router_id: f.selatan },
      // A registration needs no router yet; it gets one when it is connected.
      { name: 'Dewi', status: 'registrasi', router_id: null },
      { name: 'Siti', status: 'isolir', router_id: f.selatan },
    ])
  })

  it("a router set up for the area is proposed for the area's rows", async () => {
    const f = await twoRouters()
    const bjg = await f.db
      .selectFrom('areas')
      .select('id')
      .where('code', '=', 'BJG02')
      .executeTakeFirstOrThrow()
    const bojong = await f.router('POP Bojong', bjg.id)
    const input = await f.csv(['Dewi;081211110003;BJG02;Rumah 10 Mbps;aktif;'])
    const preview = await previewImport(f.deps, f.companyId, input)
    expect(preview.routers).toMatchObject({
      areas: [{ areaCode: 'BJG02', routerId: bojong }],
      missing: 0,
    })
    await commitImport(f.deps, f.actor, input, TZ)
    expect(await f.services()).toEqual([{ name: 'Dewi', status: 'aktif', router_id: bojong }])
  })

  it('demo data follows the same rule', async () => {
    const f = await twoRouters()
    const data = generateDemoData({ customers: 30, seed: 'uji', asOf: '2026-11-22' })
    const numbered = <T>(rows: T[]) => ({
      rows: rows.map((value, i) => ({ rowNumber: i + 2, value })),
      errors: [],
    })
    const input = {
      fileName: 'demo',
      areas: numbered(data.areas),
      products: numbered(data.products),
      customers: numbered(data.customers),
    }
    const refused = await commitImport(f.deps, f.actor, input, TZ).catch((e: AppError) => e)
    expect(refused).toMatchObject({ code: 'IMPORT_ROUTER_REQUIRED' })
    const areas = (await previewImport(f.deps, f.companyId, input)).routers.areas
    const routerForArea = Object.fromEntries(areas.map((a) => [a.areaCode, f.utara]))
    await commitImport(f.deps, f.actor, { ...input, routerForArea }, TZ)
    const stranded = (await f.services()).filter(
      (s) => (s.status === 'aktif' || s.status === 'isolir') && s.router_id === null,
    )
    expect(stranded).toEqual([])
  })
})
