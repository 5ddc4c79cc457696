import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { companyFixture } from '../testing'
import { createArea } from './areas'
import { listPops, savePop } from './pops'

async function setup() {
  const f = await companyFixture()
  const actor = {
    companyId: f.companyId,
    userId: f.ownerId,
    username: 'owner',
    ip: null,
    userAgent: null,
  }
  return { ...f, actor }
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : `thrown: ${String(e)}`),
  )

describe('a POP sits in an area of the same company', () => {
  it('naming an area that does not exist is NOT_FOUND, not a database error (fuzz: savePop {areaId: 5})', async () => {
    const f = await setup()
    const pop = { name: 'POP Cibinong', areaId: 5, address: 'Jl. Raya 1', notes: null }
    expect(await codeOf(savePop(f.deps, f.actor, pop))).toBe('NOT_FOUND')
    const area = await createArea(f.deps, f.actor, {
      code: 'CBG01',
      name: 'Cibinong',
      codePattern: '{AREA}-{0000}',
    })
    const saved = await savePop(f.deps, f.actor, { ...pop, areaId: area.id })
    expect(
      await codeOf(savePop(f.deps, f.actor, { ...pop, id: saved.id, active: true, areaId: 999 })),
    ).toBe('NOT_FOUND')
    expect((await listPops(f.deps, f.companyId)).map((p) => p.areaId)).toEqual([area.id])
  })
})
