import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import type { CustomerCreateInput, CustomerUpdateInput } from '@shared/schemas'
import { appendAudit, diffFields, type Actor } from '../audit'
import { bumpNumber, nextNumber, writeTx, type Database } from '../db'
import type { CoreDeps } from '../deps'
import { formatCode, parseCodeNumber } from '@shared/codes'
import { refreshCustomer } from './customer-status'

type CompanyActor = Actor & { companyId: number }

const AUDITED = [
  'code',
  'area_id',
  'name',
  'category',
  'nik',
  'phone',
  'whatsapp',
  'email',
  'address',
  'latitude',
  'longitude',
  'npwp',
  'account_manager_id',
  'marketer',
  'price_list_id',
  'notes',
] as const

function columns(input: Omit<CustomerCreateInput, 'areaId'>) {
  return {
    name: input.name,
    category: input.category,
    nik: input.nik,
    phone: input.phone,
    // WhatsApp is usually the phone: the same number unless another is given.
    whatsapp: input.whatsapp ?? input.phone,
    email: input.email,
    address: input.address,
    latitude: input.latitude,
    longitude: input.longitude,
    npwp: input.npwp,
    account_manager_id: input.accountManagerId,
    marketer: input.marketer,
    price_list_id: input.priceListId,
    notes: input.notes,
  }
}

/**
 * The next customer code of an area, from its pattern and its own sequence; a code is never
 * reused, also not after termination, because the counter only grows.
 */
export async function nextCustomerCode(
  tx: Kysely<Database>,
  companyId: number,
  areaId: number,
): Promise<string> {
  const area = await tx
    .selectFrom('areas')
    .select(['code', 'code_pattern'])
    .where('id', '=', areaId)
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  if (!area) throw new AppError('NOT_FOUND', 'area')
  for (;;) {
    const code = formatCode(area.code_pattern, {
      area: area.code,
      n: await nextNumber(tx, companyId, `customer:${areaId}`),
    })
    // A code typed in by hand or imported may already hold this number: skip it.
    const taken = await tx
      .selectFrom('customers')
      .select('id')
      .where('company_id', '=', companyId)
      .where('code', '=', code)
      .executeTakeFirst()
    if (!taken) return code
  }
}

/** Inside a write transaction: one customer, with a given code (import) or the next one. */
/** The price list and account manager a form offers are this company's; others are NOT_FOUND. */
async function assertCustomerRefs(
  tx: Kysely<Database>,
  companyId: number,
  input: { priceListId: number | null; accountManagerId: number | null },
) {
  for (const [table, id, what] of [
    ['price_lists', input.priceListId, 'price_list'],
    ['users', input.accountManagerId, 'user'],
  ] as const) {
    if (id === null) continue
    const row = await tx
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .where('company_id', '=', companyId)
      .executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', what)
  }
}

export async function insertCustomer(
  tx: Kysely<Database>,
  deps: CoreDeps,
  actor: CompanyActor,
  input: CustomerCreateInput,
  code: string | null = null,
): Promise<{ id: number; code: string }> {
  await assertCustomerRefs(tx, actor.companyId, input)
  let finalCode = code
  if (finalCode) {
    const area = await tx
      .selectFrom('areas')
      .select(['code', 'code_pattern'])
      .where('id', '=', input.areaId)
      .executeTakeFirstOrThrow()
    const n = parseCodeNumber(area.code_pattern, area.code, finalCode)
    if (n) await bumpNumber(tx, actor.companyId, `customer:${input.areaId}`, n)
  } else {
    finalCode = await nextCustomerCode(tx, actor.companyId, input.areaId)
  }
  const now = deps.clock.now().toISOString()
  const row = await tx
    .insertInto('customers')
    .values({
      company_id: actor.companyId,
      code: finalCode,
      area_id: input.areaId,
      ...columns(input),
      status: 'registrasi',
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow()
  await appendAudit(tx, deps.clock, actor, {
    action: 'customers.create',
    entityType: 'customer',
    entityId: row.id,
    after: { code: row.code, area_id: input.areaId, ...columns(input) },
  })
  await refreshCustomer(tx, row.id)
  return row
}

export async function createCustomer(
  deps: CoreDeps,
  actor: CompanyActor,
  input: CustomerCreateInput,
) {
  return writeTx(deps.db, (tx) => insertCustomer(tx, deps, actor, input))
}

export async function updateCustomer(
  deps: CoreDeps,
  actor: CompanyActor,
  input: CustomerUpdateInput,
) {
  return writeTx(deps.db, async (tx) => {
    const before = await tx
      .selectFrom('customers')
      .selectAll()
      .where('id', '=', input.id)
      .where('company_id', '=', actor.companyId)
      .executeTakeFirst()
    if (!before) throw new AppError('NOT_FOUND', 'customer')
    await assertCustomerRefs(tx, actor.companyId, input)
    const next = columns(input)
    await tx
      .updateTable('customers')
      .set({ ...next, updated_at: deps.clock.now().toISOString() })
      .where('id', '=', before.id)
      .execute()
    const diff = diffFields(before, next, AUDITED)
    if (diff)
      await appendAudit(tx, deps.clock, actor, {
        action: 'customers.update',
        entityType: 'customer',
        entityId: before.id,
        ...diff,
      })
    await refreshCustomer(tx, before.id)
    return { id: before.id, code: before.code }
  })
}
