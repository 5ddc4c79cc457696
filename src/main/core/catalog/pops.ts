import type { z } from 'zod'
import { AppError } from '@shared/errors'
import type { popInput, popUpdateInput } from '@shared/schemas'
import { appendAudit, diffFields, type Actor } from '../audit'
import { writeTx } from '../db'
import { assertOwnArea } from './areas'
import type { CoreDeps } from '../deps'

export interface PopView {
  id: number
  name: string
  areaId: number | null
  address: string
  notes: string | null
  active: boolean
}

export async function listPops({ db }: CoreDeps, companyId: number): Promise<PopView[]> {
  const rows = await db
    .selectFrom('pops')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('name')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    areaId: r.area_id,
    address: r.address,
    notes: r.notes,
    active: r.active === 1,
  }))
}

/** Creates (no id) or updates a POP; names are unique per company. */
export async function savePop(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  input: z.output<typeof popInput> | z.output<typeof popUpdateInput>,
): Promise<PopView> {
  const id = await writeTx(deps.db, async (tx) => {
    let dup = tx
      .selectFrom('pops')
      .select('id')
      .where('company_id', '=', actor.companyId)
      .where('name', '=', input.name)
    if ('id' in input) dup = dup.where('id', '!=', input.id)
    if (await dup.executeTakeFirst())
      throw new AppError('NAME_TAKEN', undefined, { name: input.name })
    await assertOwnArea(tx, actor.companyId, input.areaId)
    const next = {
      name: input.name,
      area_id: input.areaId,
      address: input.address,
      notes: input.notes,
      active: 'active' in input ? (input.active ? 1 : 0) : 1,
    }
    const now = deps.clock.now().toISOString()
    if (!('id' in input)) {
      const row = await tx
        .insertInto('pops')
        .values({ company_id: actor.companyId, ...next, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      await appendAudit(tx, deps.clock, actor, {
        action: 'pops.create',
        entityType: 'pop',
        entityId: row.id,
        after: next,
      })
      return row.id
    }
    const before = await tx
      .selectFrom('pops')
      .selectAll()
      .where('id', '=', input.id)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!before) throw new AppError('NOT_FOUND', 'pop')
    await tx
      .updateTable('pops')
      .set({ ...next, updated_at: now })
      .where('id', '=', before.id)
      .execute()
    const diff = diffFields(before, next, ['name', 'area_id', 'address', 'notes', 'active'])
    if (diff)
      await appendAudit(tx, deps.clock, actor, {
        action: 'pops.update',
        entityType: 'pop',
        entityId: before.id,
        ...diff,
      })
    return before.id
  })
  return (await listPops(deps, actor.companyId)).find((p) => p.id === id)!
}
