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

export interface Reference {
  column: string
  /** The referenced table; its key is `id`. */
  parent: string
}

/**
 * Foreign keys of a table that takes tens of thousands of rows in one statement (an invoice
 * run's invoices, lines and billed periods), checked once per statement instead of once per row.
 * PostgreSQL checks a declared foreign key row by row, each an internal query: 3.5 µs a row and a
 * key, 1.1 s of a 3.2 s run at 50,000 services, even where every row names the same company. Here
 * the same rule is kept by triggers: after an INSERT statement the distinct keys of all its new
 * rows are locked in their parent tables (FOR KEY SHARE, as a foreign key does, so a concurrent
 * delete waits or is seen) and counted; a changed key is checked row by row; a parent row still
 * referenced cannot be deleted or renumbered. Violations raise SQLSTATE 23503 as a foreign key
 * does. SQLite keeps its declared foreign keys: they cost little there.
 */
export async function checkReferencesPerStatement<DB>(
  db: Kysely<DB>,
  table: string,
  references: Reference[],
): Promise<void> {
  if (engineOf(db) !== 'postgres') return
  for (const r of references) {
    const declared = await sql<{ name: string }>`
      SELECT c.conname AS name FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND c.conrelid = ${table}::regclass
        AND c.confrelid = ${r.parent}::regclass AND a.attname = ${r.column}`.execute(db)
    for (const { name } of declared.rows) {
      await sql`ALTER TABLE ${sql.id(table)} DROP CONSTRAINT ${sql.id(name)}`.execute(db)
    }
  }
  const violation = (r: Reference) =>
    `RAISE foreign_key_violation USING MESSAGE = '${table}.${r.column} names a missing ${r.parent} row'`
  const inserted = references
    .map(
      (r) => `
      keys := ARRAY(SELECT DISTINCT n.${r.column} FROM ${table}_refs_rows n
        WHERE n.${r.column} IS NOT NULL);
      IF cardinality(keys) > 0 THEN
        PERFORM 1 FROM ${r.parent} p WHERE p.id = ANY (keys) FOR KEY SHARE;
        GET DIAGNOSTICS found = ROW_COUNT;
        IF found < cardinality(keys) THEN ${violation(r)}; END IF;
      END IF;`,
    )
    .join('')
  await sql
    .raw(
      `CREATE FUNCTION ${table}_refs_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE keys bigint[]; found bigint;
    BEGIN ${inserted}
      RETURN NULL;
    END $$`,
    )
    .execute(db)
  await sql
    .raw(
      `CREATE TRIGGER ${table}_refs_insert AFTER INSERT ON ${table}
    REFERENCING NEW TABLE AS ${table}_refs_rows FOR EACH STATEMENT EXECUTE FUNCTION ${table}_refs_insert()`,
    )
    .execute(db)

  const changed = references
    .map(
      (r) => `
      IF NEW.${r.column} IS NOT NULL AND NEW.${r.column} IS DISTINCT FROM OLD.${r.column} THEN
        PERFORM 1 FROM ${r.parent} p WHERE p.id = NEW.${r.column} FOR KEY SHARE;
        IF NOT FOUND THEN ${violation(r)}; END IF;
      END IF;`,
    )
    .join('')
  const columns = references.map((r) => r.column)
  await sql
    .raw(
      `CREATE FUNCTION ${table}_refs_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN ${changed}
      RETURN NEW;
    END $$`,
    )
    .execute(db)
  await sql
    .raw(
      `CREATE TRIGGER ${table}_refs_update BEFORE UPDATE OF ${columns.join(', ')} ON ${table}
    FOR EACH ROW WHEN (${columns.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')})
    EXECUTE FUNCTION ${table}_refs_update()`,
    )
    .execute(db)

  for (const parent of [...new Set(references.map((r) => r.parent))]) {
    const used = references
      .filter((r) => r.parent === parent)
      .map(
        (r) => `
        IF EXISTS (SELECT 1 FROM ${table} c WHERE c.${r.column} = OLD.id) THEN
          RAISE foreign_key_violation USING MESSAGE =
            '${parent} row still named by ${table}.${r.column}';
        END IF;`,
      )
      .join('')
    const name = `${parent}_refs_from_${table}`
    await sql
      .raw(
        `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND NEW.id IS NOT DISTINCT FROM OLD.id THEN RETURN NEW; END IF;${used}
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$`,
      )
      .execute(db)
    await sql
      .raw(
        `CREATE TRIGGER ${name} BEFORE DELETE OR UPDATE OF id ON ${parent} FOR EACH ROW
    EXECUTE FUNCTION ${name}()`,
      )
      .execute(db)
  }
}
