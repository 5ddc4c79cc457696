import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { AppError } from '@shared/errors'
import type { areaInput, areaUpdateInput } from '@shared/schemas'
import { appendAudit, diffFields, type Actor } from '../audit'
import { writeTx, type AreaRow, type Database } from '../db'
import type { CoreDeps } from '../deps'

/** An area a form offers is this company's; any other id is NOT_FOUND, not an FK error. */
export async function assertOwnArea(
  tx: Kysely<Database>,
  companyId: number,
  areaId: number | null,
): Promise<void> {
  if (areaId === null) return
  const area = await tx
    .selectFrom('areas')
    .select('id')
    .where('id', '=', areaId)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!area) throw new AppError('NOT_FOUND', 'area')
}

export interface AreaView {
  id: number
  code: string
  name: string
  codePattern: string
  active: boolean
  customers: number
}

const view = (r: AreaRow, customers = 0): AreaView => ({
  id: r.id,
  code: r.code,
  name: r.name,
  codePattern: r.code_pattern,
  active: r.active === 1,
  customers,
})

export async function listAreas({ db }: CoreDeps, companyId: number): Promise<AreaView[]> {
  const rows = await db
    .selectFrom('areas')
    .leftJoin('customers', 'customers.area_id', 'areas.id')
    .selectAll('areas')
    .select((eb) => eb.fn.count<number>('customers.id').as('customers'))
    .where('areas.company_id', '=', companyId)
    .groupBy('areas.id')
    .orderBy('areas.code')
    .execute()
  return rows.map((r) => view(r, Number(r.customers)))
}

type AreaCreate = z.output<typeof areaInput>

export async function createArea(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  input: AreaCreate,
): Promise<AreaView> {
  return writeTx(deps.db, async (tx) => {
    const taken = await tx
      .selectFrom('areas')
      .select('id')
      .where('company_id', '=', actor.companyId)
      .where('code', '=', input.code)
      .executeTakeFirst()
    if (taken) throw new AppError('CODE_TAKEN', undefined, { code: input.code })
    const now = deps.clock.now().toISOString()
    const row = await tx
      .insertInto('areas')
      .values({
        company_id: actor.companyId,
        code: input.code,
        name: input.name,
        code_pattern: input.codePattern,
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await appendAudit(tx, deps.clock, actor, {
      action: 'areas.create',
      entityType: 'area',
      entityId: row.id,
      after: { code: row.code, name: row.name, code_pattern: row.code_pattern },
    })
    return view(row)
  })
}

/** The code of an area is part of its customers' codes; it can change, old codes stay as issued. */
export async function updateArea(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  input: z.output<typeof areaUpdateInput>,
): Promise<AreaView> {
  return writeTx(deps.db, async (tx) => {
    const before = await tx
      .selectFrom('areas')
      .selectAll()
      .where('id', '=', input.id)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!before) throw new AppError('NOT_FOUND', 'area')
    if (input.code !== before.code) {
      const taken = await tx
        .selectFrom('areas')
        .select('id')
        .where('company_id', '=', actor.companyId)
        .where('code', '=', input.code)
        .executeTakeFirst()
      if (taken) throw new AppError('CODE_TAKEN', undefined, { code: input.code })
    }
    const next = {
      code: input.code,
      name: input.name,
      code_pattern: input.codePattern,
      active: input.active ? 1 : 0,
    }
    const row = await tx
      .updateTable('areas')
      .set({ ...next, updated_at: deps.clock.now().toISOString() })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    const diff = diffFields(before, next, ['code', 'name', 'code_pattern', 'active'])
    if (diff)
      await appendAudit(tx, deps.clock, actor, {
        action: 'areas.update',
        entityType: 'area',
        entityId: row.id,
        ...diff,
      })
    return view(row)
  })
}
