import type { Kysely, Selectable } from 'kysely'
import { AppError } from '@shared/errors'
import type { Database } from './schema'

/** Tables whose rows belong to a company and carry a name unique in it (routers, OLTs…). */
export type NamedCompanyTable = {
  [T in keyof Database]: Database[T] extends { id: unknown; company_id: unknown; name: unknown }
    ? T
    : never
}[keyof Database]

/** The columns every such table has: what the queries here need to know of it. */
type NamedCompanyRow = { id: number; company_id: number; name: string }

/** The table seen only through those columns (one name, so kysely types the queries). */
const named = (db: Kysely<Database>, table: NamedCompanyTable) =>
  (db as unknown as Kysely<{ t: NamedCompanyRow }>).selectFrom(table as unknown as 't')

/**
 * A company's row by id or by name, or NOT_FOUND naming what was looked for (`entity`: "olt",
 * "router"…, with the name when it was asked by name): another company's row is not found.
 */
export async function companyRow<T extends NamedCompanyTable>(
  db: Kysely<Database>,
  table: T,
  companyId: number,
  key: { id: number } | { name: string },
  entity: string,
): Promise<Selectable<Database[T]>> {
  const row = await named(db, table)
    .selectAll()
    .where('company_id', '=', companyId)
    .where((eb) => ('id' in key ? eb('id', '=', key.id) : eb('name', '=', key.name)))
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', entity, 'name' in key ? { name: key.name } : undefined)
  return row as unknown as Selectable<Database[T]>
}

/** NAME_TAKEN when another row of the company (not `exceptId`) already has this name. */
export async function assertNameFree(
  db: Kysely<Database>,
  table: NamedCompanyTable,
  companyId: number,
  name: string,
  exceptId: number | null,
  entity: string,
): Promise<void> {
  let q = named(db, table).select('id').where('company_id', '=', companyId).where('name', '=', name)
  if (exceptId !== null) q = q.where('id', '!=', exceptId)
  if (await q.executeTakeFirst()) throw new AppError('NAME_TAKEN', entity, { name })
}
