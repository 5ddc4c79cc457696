import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendAudit, cliActor } from '../audit'
import { ManualClock } from '../clock'
import { completeSetup } from '../companies'
import { insertValues } from './bulk-rows'
import { reserveNumbers } from './counters'
import { engineOf } from './engine'
import { openPostgres } from './postgres'
import { isRefusedText } from './refused-text'
import { createPostgresTestDb } from './test-db'
import { writeTx, type Db } from './write-tx'

// The PostgreSQL engine, on a real server: `.ci/run` starts a throwaway cluster and sets
// LOKET_TEST_POSTGRES. Without one (a developer's machine) these tests are skipped, loudly.
const server = process.env.LOKET_TEST_POSTGRES
if (!server) console.warn('LOKET_TEST_POSTGRES is not set: the PostgreSQL engine tests are skipped')

describe.runIf(server)('PostgreSQL engine', () => {
  let db: Db
  let url: string
  let drop: () => Promise<void>
  let companyId: number
  const clock = new ManualClock('2026-12-04T03:00:00Z')

  beforeAll(async () => {
    const made = (await createPostgresTestDb())!
    db = made.db
    url = made.url
    drop = made.drop
    const setup = await completeSetup(
      { db, clock, secrets: (await import('../testing')).testSecrets() },
      {
        company: {
          name: 'Net Jaya',
          address: 'Jl. Merdeka 1',
          phone: '6281234567890',
          email: null,
          npwp: null,
          timeZone: 'Asia/Jakarta',
        },
        admin: { name: 'Pemilik', username: 'owner', password: 'Sangat-Rahasia-42' },
      },
      { ip: '127.0.0.1', userAgent: 'vitest', createSession: false },
    )
    companyId = setup.companyId
  })
  afterAll(async () => drop?.())

  it('every migration runs on PostgreSQL from the same files: ids and money are BIGINT, no float but measurements', async () => {
    expect(engineOf(db)).toBe('postgres')
    const { rows } = await sql<{ table_name: string; column_name: string; data_type: string }>`
      SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = current_schema()`.execute(db)
    const type = (t: string, c: string) =>
      rows.find((r) => r.table_name === t && r.column_name === c)?.data_type
    expect(type('invoices', 'id')).toBe('bigint')
    expect(type('invoices', 'total')).toBe('bigint')
    expect(type('payments', 'amount')).toBe('bigint')
    expect(type('invoices', 'issue_date')).toBe('text')
    const floats = rows.filter((r) => ['real', 'double precision', 'numeric'].includes(r.data_type))
    // Measurements, never money or ids: map coordinates (customers, ODC, ODP) and an installation's RX power (dBm)
    // and cable length (metres).
    expect(floats.map((r) => `${r.table_name}.${r.column_name}`).sort()).toEqual([
      'customers.latitude',
      'customers.longitude',
      'odcs.latitude',
      'odcs.longitude',
      'odps.latitude',
      'odps.longitude',
      'registrations.cable_length',
      'registrations.rx_power',
    ])
  })

  it('numbers come back as numbers, as from SQLite (count, sum over BIGINT)', async () => {
    const row = await db
      .selectFrom('users')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('id').as('s')])
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ n: 1, s: expect.any(Number) })
  })

  it('the audit log is append-only in PostgreSQL too: the database refuses an update', async () => {
    await writeTx(db, (tx) =>
      appendAudit(
        tx,
        clock,
        { ...cliActor(1), companyId },
        { action: 'setup.complete', entityType: 'company' },
      ),
    )
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(db)).rejects.toThrow(
      /audit_log is append-only/,
    )
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/)
  })

  it('a NUL in text is refused (SQLSTATE 22021), which isRefusedText tells from other failures', async () => {
    const failed = await sql`SELECT ${'a\u0000b'}::text AS t`.execute(db).catch((e: unknown) => e)
    expect(isRefusedText(failed)).toBe(true)
    const other = await sql`SELECT 1 / 0`.execute(db).catch((e: unknown) => e)
    expect(isRefusedText(other)).toBe(false)
  })

  it('customer codes are unique without regard to case, as COLLATE NOCASE makes them in SQLite', async () => {
    const area = await db
      .selectFrom('areas')
      .select('id')
      .where('company_id', '=', companyId)
      .executeTakeFirst()
    const areaId =
      area?.id ??
      (
        await db
          .insertInto('areas')
          .values({
            company_id: companyId,
            code: 'CBG',
            name: 'Cibinong',
            code_pattern: '{AREA}-{0000}',
            active: 1,
            created_at: clock.now().toISOString(),
            updated_at: clock.now().toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    const customer = (code: string) =>
      db
        .insertInto('customers')
        .values({
          company_id: companyId,
          code,
          area_id: areaId,
          name: 'Tri Ning',
          address: 'Jl. Mawar 2',
          category: 'rumah',
          status: 'aktif',
          created_at: '2026-12-04T03:00:00Z',
          updated_at: '2026-12-04T03:00:00Z',
        })
        .execute()
    await customer('CBG01-0001')
    await expect(customer('cbg01-0001')).rejects.toThrow(/customers_code_uq/)
    const found = await db
      .selectFrom('customers')
      .select('code')
      .where('code', '=', 'cbg01-0001')
      .execute()
    expect(found).toEqual([{ code: 'CBG01-0001' }])
    // LIKE ignores case as it does in SQLite (a search box types "jl. mawar").
    const liked = await db
      .selectFrom('customers')
      .select('address')
      .where('address', 'like', '%jl. mawar%')
      .execute()
    expect(liked).toEqual([{ address: 'Jl. Mawar 2' }])
  })

  it('40 writers at once take 40 gapless, unique numbers from one sequence (row lock until commit)', async () => {
    const taken = await Promise.all(
      Array.from({ length: 40 }, () =>
        writeTx(db, (tx) => reserveNumbers(tx, companyId, 'receipt:2026', 1)),
      ),
    )
    expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
  })

  it('bulk rows go in as one array per column: any text survives, nulls stay null, order is kept', async () => {
    await sql`CREATE TABLE bulk_probe (id bigint PRIMARY KEY, body text, amount bigint, note citext)`.execute(
      db,
    )
    const odd = [
      '',
      'NULL',
      'a,b',
      '{x}',
      'say "hi"',
      'C:\\Users\\kasir',
      'baris\nbaru',
      '  spasi ',
      'Rp 1.500 — ✓',
    ]
    const values: unknown[] = []
    for (let i = 0; i < 12_000; i++)
      values.push(i + 1, odd[i % odd.length], i % 3 ? i * 1000 : null)
    const table = 'bulk_probe' as 'counters' // any table: the statement is built from `columns`
    const inserted = await insertValues(db, table, ['id', 'body', 'amount'] as never, values, {
      same: { note: 'Bersama' } as never,
    })
    expect(inserted).toBe(12_000)
    const { rows } = await sql<{ id: number; body: string; amount: number | null; note: string }>`
      SELECT id, body, amount, note FROM bulk_probe ORDER BY id`.execute(db)
    expect(rows).toHaveLength(12_000)
    for (const [i, r] of rows.entries()) {
      expect(r).toEqual({
        id: i + 1,
        body: odd[i % odd.length],
        amount: i % 3 ? i * 1000 : null,
        note: 'Bersama',
      })
    }
  })

  it('statements kept prepared survive a migration that changes their table, and never share a name', async () => {
    const one = openPostgres(url, { max: 1 }) // one connection: one set of kept statements
    try {
      await sql`CREATE TABLE plan_probe (id bigint PRIMARY KEY, a text)`.execute(one)
      await sql`INSERT INTO plan_probe VALUES (1, 'satu')`.execute(one)
      const all = () => sql`SELECT * FROM plan_probe WHERE id = ${1}`.execute(one)
      const other = () => sql`SELECT a FROM plan_probe WHERE id = ${1}`.execute(one)
      expect((await all()).rows).toEqual([{ id: 1, a: 'satu' }])
      expect((await other()).rows).toEqual([{ a: 'satu' }])
      // The kept plan of `SELECT *` no longer matches the table's columns.
      await sql`ALTER TABLE plan_probe ADD COLUMN b text DEFAULT 'dua'`.execute(one)
      expect((await all()).rows).toEqual([{ id: 1, a: 'satu', b: 'dua' }])
      const third = await sql`SELECT b FROM plan_probe WHERE id = ${1}`.execute(one)
      expect(third.rows).toEqual([{ b: 'dua' }])
      expect((await other()).rows).toEqual([{ a: 'satu' }])
      expect((await all()).rows).toEqual([{ id: 1, a: 'satu', b: 'dua' }])
    } finally {
      await one.destroy()
    }
  })

  it('a transaction that fails gives its numbers back: no gap', async () => {
    await expect(
      writeTx(db, async (tx) => {
        await reserveNumbers(tx, companyId, 'invoice:2026', 5)
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(await writeTx(db, (tx) => reserveNumbers(tx, companyId, 'invoice:2026', 1))).toBe(1)
  })
})
