import { describe, expect, it } from 'vitest'
import { insertEach } from './bulk-rows'
import { createTestDb } from './test-db'

async function companyDb() {
  const db = await createTestDb()
  await db
    .insertInto('companies')
    .values({
      name: 'Net Kampung',
      address: '',
      time_zone: 'Asia/Jakarta',
      created_at: AT,
      updated_at: AT,
    })
    .execute()
  return db
}

// insertEach writes each row's values straight into the statement that carries it: 100 rows
// a statement on SQLite (the last one shorter), one set of arrays on PostgreSQL.
const AT = '2026-12-05T03:00:00.000Z'

describe('insertEach', () => {
  it('writes every row once, in order, with the shared columns on each', async () => {
    const db = await companyDb()
    const names = Array.from({ length: 250 }, (_, k) => `Area ${String(k).padStart(3, '0')}`)
    const inserted = await insertEach(
      db,
      'areas',
      ['code', 'name'],
      names.length,
      (k, out) => {
        out.push(`A${k}`, names[k])
      },
      { same: { company_id: 1, created_at: AT, updated_at: AT } },
    )
    expect(inserted).toBe(250)
    const rows = await db.selectFrom('areas').select(['name', 'company_id']).orderBy('id').execute()
    expect(rows.map((r) => r.name)).toEqual(names)
    expect(new Set(rows.map((r) => r.company_id))).toEqual(new Set([1]))
  })

  it('refuses a row with too few values and writes nothing of it', async () => {
    const db = await companyDb()
    await expect(
      db.transaction().execute((tx) =>
        insertEach(
          tx,
          'areas',
          ['code', 'name'],
          3,
          (k, out) => {
            out.push(`A${k}`)
            if (k !== 1) out.push(`Area ${k}`)
          },
          { same: { company_id: 1, created_at: AT, updated_at: AT } },
        ),
      ),
    ).rejects.toThrow(/2 values each/)
    expect(await db.selectFrom('areas').select('id').execute()).toEqual([])
  })

  it('copies columns from the row another table has under the id a row names', async () => {
    const db = await companyDb()
    const copy = { table: 'companies', by: 'company_id', columns: { name: 'name' } } as const
    const same = { created_at: AT, updated_at: AT }
    await insertEach(db, 'areas', ['company_id', 'code'], 2, (k, out) => out.push(1, `A${k}`), {
      same,
      copy,
    })
    const rows = await db.selectFrom('areas').select(['code', 'name']).orderBy('code').execute()
    expect(rows).toEqual([
      { code: 'A0', name: 'Net Kampung' },
      { code: 'A1', name: 'Net Kampung' },
    ])
    // A row naming no company gets no name: refused, not dropped.
    await expect(
      insertEach(db, 'areas', ['company_id', 'code'], 1, (_, out) => out.push(99, 'A9'), {
        same,
        copy,
      }),
    ).rejects.toThrow(/NOT NULL|null value/)
    // The id that names the copied row must be one of the inserted columns.
    await expect(
      insertEach(db, 'areas', ['code'], 1, (_, out) => out.push('A8'), {
        same: { company_id: 1, ...same },
        copy,
      }),
    ).rejects.toThrow(/company_id names the copied row/)
  })
})
