import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assertNameFree, companyRow } from './company-rows'
import { createTestDb } from './test-db'
import type { Db } from './write-tx'

const at = '2026-12-05T00:00:00Z'

describe('a company’s own row, by id or name', () => {
  let db: Db
  let companyA: number
  let ours: number
  let theirs: number
  beforeEach(async () => {
    db = await createTestDb()
    const company = (name: string) =>
      db
        .insertInto('companies')
        .values({ name, address: '', time_zone: 'Asia/Jakarta', created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    const a = await company('Net Kampung')
    const b = await company('Net Sebelah')
    const area = (companyId: number, code: string, name: string) =>
      db
        .insertInto('areas')
        .values({
          company_id: companyId,
          code,
          name,
          code_pattern: '',
          active: 1,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ours = (await area(a.id, 'A', 'Sukamaju')).id
    theirs = (await area(b.id, 'B', 'Cibodas')).id
    companyA = a.id
  })
  afterEach(() => db.destroy())
  const a = () => companyA

  it('finds the row by id and by name', async () => {
    expect((await companyRow(db, 'areas', a(), { id: ours }, 'area')).name).toBe('Sukamaju')
    expect((await companyRow(db, 'areas', a(), { name: 'Sukamaju' }, 'area')).id).toBe(ours)
  })

  it('another company’s row is NOT_FOUND, by name with the name asked for', async () => {
    await expect(companyRow(db, 'areas', a(), { id: theirs }, 'area')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'area',
      details: undefined,
    })
    await expect(companyRow(db, 'areas', a(), { name: 'Cibodas' }, 'area')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { name: 'Cibodas' },
    })
  })

  it('a name is taken by another row of the company only, never by the row itself', async () => {
    await expect(assertNameFree(db, 'areas', a(), 'Sukamaju', null, 'area')).rejects.toMatchObject({
      code: 'NAME_TAKEN',
      message: 'area',
      details: { name: 'Sukamaju' },
    })
    await expect(
      assertNameFree(db, 'areas', a(), 'Sukamaju', ours, 'area'),
    ).resolves.toBeUndefined()
    await expect(assertNameFree(db, 'areas', a(), 'Cibodas', null, 'area')).resolves.toBeUndefined()
  })
})
