import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { Database, Db } from '../db'

// schema.partial() builds a new schema, and zod compiles a schema on its first parse: made once
// per schema, not on every read (a payment reads four groups of settings).
const partials = new WeakMap<z.ZodObject, z.ZodObject>()
function partialOf(schema: z.ZodObject): z.ZodObject {
  let partial = partials.get(schema)
  if (!partial) partials.set(schema, (partial = schema.partial()))
  return partial
}

/**
 * Company settings are typed groups stored as JSON under a key; a missing or outdated value falls
 * back to the defaults, field by field, so adding a setting never needs a data migration.
 */
export async function readSettings<T extends object>(
  db: Db | Kysely<Database>,
  companyId: number,
  key: string,
  schema: z.ZodObject,
  defaults: T,
): Promise<T> {
  const row = await db
    .selectFrom('company_settings')
    .select('value_json')
    .where('company_id', '=', companyId)
    .where('key', '=', key)
    .executeTakeFirst()
  return settingsFrom(row?.value_json, schema, defaults)
}

/** A stored group read along with something else (a session reads its company's in one query). */
export function settingsFrom<T extends object>(
  json: string | null | undefined,
  schema: z.ZodObject,
  defaults: T,
): T {
  if (json == null) return defaults
  const parsed = partialOf(schema).safeParse(JSON.parse(json))
  return { ...defaults, ...(parsed.success ? (parsed.data as Partial<T>) : {}) }
}

export async function writeSettings(
  tx: Kysely<Database>,
  companyId: number,
  key: string,
  value: object,
  at: string,
): Promise<void> {
  const json = JSON.stringify(value)
  await tx
    .insertInto('company_settings')
    .values({ company_id: companyId, key, value_json: json, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['company_id', 'key']).doUpdateSet({ value_json: json, updated_at: at }),
    )
    .execute()
}
