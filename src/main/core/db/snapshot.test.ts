import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openSqliteFile } from './database'
import { postgresSnapshot, sqliteSnapshot, tallyTables } from './snapshot'
import { createPostgresTestDb } from './test-db'

describe('sqliteSnapshot', () => {
  it.each([
    ['adds rows', true],
    ['only updates rows in place', false],
  ])(
    'finishes while another connection %s between every step, and the copy is one instant',
    async (_, grows) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'loket-snapshot-'))
      const file = path.join(dir, 'live.sqlite')
      const live = new BetterSqlite3(file)
      live.pragma('journal_mode = WAL')
      live.exec(`CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB);
        CREATE TABLE a (n INTEGER); CREATE TABLE b (n INTEGER);
        INSERT INTO a VALUES (0); INSERT INTO b VALUES (0)`)
      // 24 MB: several steps of the copy, so writes land between them.
      const insert = live.prepare('INSERT INTO rows (body) VALUES (randomblob(4000))')
      for (let i = 0; i < 6000; i++) insert.run()
      const change = live.prepare('UPDATE rows SET body = randomblob(4000) WHERE id = ?')
      const bumpA = live.prepare('UPDATE a SET n = n + 1')
      const bumpB = live.prepare('UPDATE b SET n = n + 1')
      let writes = 0
      // One transaction touching two tables (and a row, or a new one): the copy has both or neither.
      const write = live.transaction(() => {
        if (grows) insert.run()
        else change.run(1 + (writes % 6000))
        bumpA.run()
        bumpB.run()
      })

      // The host: one committed write on every turn of the event loop, as long as the copy runs.
      let writing = true
      const host = () => {
        if (!writing) return
        write()
        writes++
        setImmediate(host)
      }
      setImmediate(host)
      const target = path.join(dir, 'copy.sqlite')
      try {
        await sqliteSnapshot(file, target)
      } finally {
        writing = false
      }
      expect(writes).toBeGreaterThan(0)

      const copy = new BetterSqlite3(target, { readonly: true })
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
        const count = (q: string) => (copy.prepare(q).get() as { n: number }).n
        const a = count('SELECT n FROM a')
        expect(count('SELECT n FROM b')).toBe(a)
        expect(count('SELECT count(*) AS n FROM rows')).toBe(grows ? 6000 + a : 6000)
      } finally {
        copy.close()
        live.close()
      }
    },
  )
})

describe.runIf(process.env.LOKET_TEST_POSTGRES)('postgresSnapshot', () => {
  it('copies one instant while another connection keeps writing, and checks itself', async () => {
    const made = (await createPostgresTestDb())!
    const { db } = made
    try {
      const at = '2026-12-04T00:00:00Z'
      const company = { address: '', time_zone: 'Asia/Jakarta', created_at: at, updated_at: at }
      await db
        .insertInto('companies')
        .values({ ...company, name: 'Net Kampung' })
        .execute()
      await db
        .insertInto('counters')
        .values([
          { company_id: 1, name: 'a', value: 0 },
          { company_id: 1, name: 'b', value: 0 },
        ])
        .execute()
      // The host: a new company and both counters, in one transaction each, for as long as the
      // copy runs. A copy that read tables at different instants would disagree with the tallies
      // it takes at the end (postgresSnapshot then throws), or have a = b broken.
      let writing = true
      let writes = 0
      const host = (async () => {
        while (writing) {
          await db.transaction().execute(async (tx) => {
            await tx
              .insertInto('companies')
              .values({ ...company, name: `c${writes}` })
              .execute()
            await tx
              .updateTable('counters')
              .set((eb) => ({ value: eb('value', '+', 1) }))
              .execute()
          })
          writes++
        }
      })()
      const target = path.join(mkdtempSync(path.join(tmpdir(), 'loket-pg-snapshot-')), 's.sqlite')
      try {
        await postgresSnapshot(db, target)
      } finally {
        writing = false
        await host
      }
      expect(writes).toBeGreaterThan(0)
      const copy = openSqliteFile(target)
      try {
        const counters = await copy.selectFrom('counters').select(['name', 'value']).execute()
        const companies = (await tallyTables(copy)).find((t) => t.table === 'companies')!
        const a = counters.find((c) => c.name === 'a')!.value
        expect(counters.find((c) => c.name === 'b')!.value).toBe(a)
        expect(companies.rows).toBe(1 + a)
      } finally {
        await copy.destroy()
      }
    } finally {
      await made.drop()
    }
  })
})
