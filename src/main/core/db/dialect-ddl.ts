import { sql, type Kysely } from 'kysely'
import { engineOf } from './engine'

/** SQL written once per engine, where the two cannot share one text. */
export type PerEngine = string | { sqlite: string; postgres: string }

function pick(text: PerEngine, engine: 'sqlite' | 'postgres'): string {
  return typeof text === 'string' ? text : text[engine]
}

export interface GuardTrigger {
  name: string
  table: string
  event: 'INSERT' | 'UPDATE' | 'DELETE'
  /** When the change is refused (NEW./OLD. columns); always, when left out. */
  when?: PerEngine
  /** The error every engine raises, which the domain code recognises. */
  message: string
}

/**
 * A trigger that refuses a change (append-only tables, issued invoices). SQLite: a trigger with
 * RAISE(ABORT). PostgreSQL: a plpgsql function that raises (a trigger's WHEN clause may not hold
 * subqueries, so the condition lives in the function): before each updated or deleted row, and
 * once per INSERT statement over all its new rows (a transition table named NEW inside, so the
 * same NEW.column condition reads each of them) — an invoice run's 50,000 lines are checked in
 * one query, not in 50,000 function calls.
 */
export async function createGuardTrigger<DB>(db: Kysely<DB>, t: GuardTrigger): Promise<void> {
  const engine = engineOf(db)
  const message = t.message.replace(/'/g, "''")
  if (engine === 'sqlite') {
    const when = t.when ? ` WHEN ${pick(t.when, engine)}` : ''
    await sql
      .raw(
        `CREATE TRIGGER ${t.name} BEFORE ${t.event} ON ${t.table}${when}
    BEGIN SELECT RAISE(ABORT, '${message}'); END`,
      )
      .execute(db)
    return
  }
  const condition = t.when ? pick(t.when, engine) : 'true'
  if (t.event === 'INSERT') {
    await sql
      .raw(
        `CREATE FUNCTION ${t.name}() RETURNS trigger LANGUAGE plpgsql AS $$
    #variable_conflict use_column
    BEGIN
      IF EXISTS (SELECT 1 FROM ${t.name}_rows AS NEW WHERE ${condition}) THEN
        RAISE EXCEPTION '${message}';
      END IF;
      RETURN NULL;
    END $$`,
      )
      .execute(db)
    await sql
      .raw(
        `CREATE TRIGGER ${t.name} AFTER INSERT ON ${t.table} REFERENCING NEW TABLE AS ${t.name}_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ${t.name}()`,
      )
      .execute(db)
    return
  }
  const row = t.event === 'DELETE' ? 'OLD' : 'NEW'
  await sql
    .raw(
      `CREATE FUNCTION ${t.name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF ${condition} THEN RAISE EXCEPTION '${message}'; END IF;
      RETURN ${row};
    END $$`,
    )
    .execute(db)
  await sql
    .raw(
      `CREATE TRIGGER ${t.name} BEFORE ${t.event} ON ${t.table} FOR EACH ROW EXECUTE FUNCTION ${t.name}()`,
    )
    .execute(db)
}

export async function dropGuardTrigger<DB>(db: Kysely<DB>, name: string, table: string) {
  if (engineOf(db) === 'sqlite') {
    await sql.raw(`DROP TRIGGER ${name}`).execute(db)
    return
  }
  await sql.raw(`DROP TRIGGER ${name} ON ${table}`).execute(db)
  await sql.raw(`DROP FUNCTION ${name}()`).execute(db)
}

/**
 * The customer search index: substring search over name, code, phones, address and SIDs (any 3+
 * characters). SQLite: an FTS5 table with the trigram tokenizer. PostgreSQL: a table with a
 * pg_trgm GIN index, which answers the same substring LIKE.
 */
export async function createCustomerSearchIndex<DB>(db: Kysely<DB>): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE customer_search USING fts5(body, tokenize = 'trigram')`.execute(
      db,
    )
    return
  }
  await sql`CREATE TABLE customer_search (rowid bigint PRIMARY KEY, body text NOT NULL)`.execute(db)
  await sql`CREATE INDEX customer_search_trgm ON customer_search USING gin (body gin_trgm_ops)`.execute(
    db,
  )
}

/** Extensions the PostgreSQL schema uses (both are "trusted": a database owner may create them). */
export async function preparePostgres<DB>(db: Kysely<DB>): Promise<void> {
  if (engineOf(db) !== 'postgres') return
  await sql`CREATE EXTENSION IF NOT EXISTS citext`.execute(db)
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db)
}
