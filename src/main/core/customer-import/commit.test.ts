import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { listCustomers } from '../customers'
import { createGuardTrigger } from '../db'
import { companyFixture } from '../testing'
import { commitImport, parseImportFile, previewImport } from './index'

const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, '../../../../test/fixtures/imports', name))
const TZ = 'Asia/Jakarta'

async function withCatalog() {
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
    await parseImportFile(fixture('areas.csv'), 'areas.csv', 'areas'),
    TZ,
  )
  await commitImport(
    f.deps,
    actor,
    await parseImportFile(fixture('paket.csv'), 'paket.csv', 'products'),
    TZ,
  )
  return { ...f, actor }
}

describe('customer import', () => {
  it('a row with an unknown package or area is an error in the preview, not a silent default', async () => {
    const f = await companyFixture()
    const input = await parseImportFile(
      fixture('pelanggan-20.csv'),
      'pelanggan-20.csv',
      'customers',
    )
    const preview = await previewImport(f.deps, f.companyId, input)
    expect(preview.customers.created).toBe(0)
    expect(preview.errors.filter((e) => e.row === 2).map((e) => [e.column, e.messageKey])).toEqual([
      ['area', 'import.unknown_area'],
      ['paket', 'import.unknown_product'],
    ])
  })

  it('imports 20 rows with their services, and re-importing the same file duplicates nothing', async () => {
    const { deps, actor, companyId, db } = await withCatalog()
    const input = await parseImportFile(
      fixture('pelanggan-20.csv'),
      'pelanggan-20.csv',
      'customers',
    )
    const first = await commitImport(deps, actor, input, TZ)
    expect(first.customers).toEqual({ created: 20, existing: 0, services: 20 })
    const again = await commitImport(deps, actor, input, TZ)
    expect(again.customers).toMatchObject({ created: 0, existing: 20 })
    expect((await listCustomers(deps, companyId, {})).total).toBe(20)
    expect((await db.selectFrom('services').select('id').execute()).length).toBe(20)
    // Found by a phone written another way than in the file.
    const found = await listCustomers(deps, companyId, { q: '0813 1122 3344' })
    expect(found.rows.map((r) => r.name)).toEqual(['Siti Rahmawati'])
    // Areas, packages, the customers; the re-import wrote nothing, so it recorded nothing.
    const audit = await db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'customers.import')
      .execute()
    expect(audit).toHaveLength(3)
  })

  it('generates codes after the highest imported one of the area', async () => {
    const { deps, actor, companyId } = await withCatalog()
    await commitImport(
      deps,
      actor,
      await parseImportFile(fixture('pelanggan-20.csv'), 'p.csv', 'customers'),
      TZ,
    )
    const csv = 'nama;telepon;area;paket\nPelanggan Baru;081299998888;CBG01;Rumah 10 Mbps\n'
    const result = await commitImport(
      deps,
      actor,
      await parseImportFile(Buffer.from(csv), 'baru.csv', 'customers'),
      TZ,
    )
    expect(result.preview[0]).toMatchObject({ name: 'Pelanggan Baru', outcome: 'new' })
    const codes = (
      await listCustomers(deps, companyId, { areaId: 1, sort: 'code', dir: 'desc', limit: 1 })
    ).rows
    expect(codes[0]!.name).toBe('Pelanggan Baru')
    expect(result.preview[0]!.code).toMatch(/^CBG01-\d{4}$/)
  })

  it('is all-or-nothing: a failure in the middle leaves no trace of the file', async () => {
    const { deps, actor, companyId, db } = await withCatalog()
    // A failure the planner cannot foresee: the database refuses one service in the middle.
    await createGuardTrigger(db, {
      name: 'refuse_one',
      table: 'services',
      event: 'INSERT',
      when: "NEW.pppoe_username = 'warung.siti'",
      message: 'disk full',
    })
    const input = await parseImportFile(
      fixture('pelanggan-20.csv'),
      'pelanggan-20.csv',
      'customers',
    )
    await expect(commitImport(deps, actor, input, TZ)).rejects.toThrow(/disk full/)
    expect((await listCustomers(deps, companyId, {})).total).toBe(0)
    expect(
      await db.selectFrom('counters').selectAll().where('name', 'like', 'customer:%').execute(),
    ).toEqual([])
    expect(
      await db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'customers.import')
        .execute(),
    ).toHaveLength(2)
  })

  it('refuses to commit a file with errors and says which rows', async () => {
    const { deps, actor } = await withCatalog()
    const csv =
      'nama;telepon;area;paket\nBudi;0812;CBG01;Rumah 10 Mbps\nSiti;081211112222;XXX99;Rumah 10 Mbps\n'
    const input = await parseImportFile(Buffer.from(csv), 'salah.csv', 'customers')
    const error = (await commitImport(deps, actor, input, TZ).catch((e: unknown) => e)) as AppError
    expect(error.code).toBe('IMPORT_HAS_ERRORS')
    const rows = (error.details!.errors as { row: number; messageKey: string }[]).map((e) => [
      e.row,
      e.messageKey,
    ])
    expect(rows).toEqual([
      [2, 'import.phone_invalid'],
      [3, 'import.unknown_area'],
    ])
  })

  it('a workbook with sheets Area, Paket and Pelanggan imports all three in order', async () => {
    const { workbookTemplate } = await import('../imports')
    const f = await companyFixture()
    const actor = {
      companyId: f.companyId,
      userId: f.ownerId,
      username: 'owner',
      ip: null,
      userAgent: null,
    }
    const input = await parseImportFile(await workbookTemplate(), 'contoh.xlsx', 'workbook')
    const result = await commitImport(f.deps, actor, input, TZ)
    expect(result.areas.created).toBeGreaterThan(0)
    expect(result.products.created).toBeGreaterThan(0)
    expect(result.customers.created).toBeGreaterThan(0)
    expect(result.errors).toEqual([])
  })

  it('a workbook must be an .xlsx: a CSV has no sheets to tell apart', async () => {
    const error = await parseImportFile(fixture('areas.csv'), 'areas.csv', 'workbook').catch(
      (e: AppError) => e,
    )
    expect(error).toMatchObject({
      code: 'VALIDATION',
      details: { messageKey: 'import.file_unsupported' },
    })
  })
})

describe('customer import with one router', () => {
  it('puts the imported working services on that router and queues them for it', async () => {
    const { deps, actor, companyId, db } = await withCatalog()
    const router = await db
      .insertInto('routers')
      .values({
        company_id: companyId,
        name: 'POP Utama',
        host: '127.0.0.1',
        port: 8728,
        tls: 0,
        username: 'admin',
        password_sealed: '',
        created_at: '2026-11-22T00:00:00Z',
        updated_at: '2026-11-22T00:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const input = await parseImportFile(
      fixture('pelanggan-20.csv'),
      'pelanggan-20.csv',
      'customers',
    )
    await commitImport(deps, actor, input, TZ)
    const services = await db.selectFrom('services').select(['id', 'status', 'router_id']).execute()
    expect(services.length).toBeGreaterThan(0)
    expect(services.every((s) => s.router_id === router.id)).toBe(true)
    const jobs = await db.selectFrom('device_jobs').select('service_id').execute()
    const working = services.filter((s) => s.status === 'aktif' || s.status === 'isolir')
    expect(working.length).toBeGreaterThan(0)
    expect(jobs.map((j) => j.service_id).sort()).toEqual(working.map((s) => s.id).sort())
  })
})
