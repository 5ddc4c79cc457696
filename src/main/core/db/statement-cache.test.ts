import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { withStatementCache } from './statement-cache'

const open: BetterSqlite3.Database[] = []
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close()
})

function cached(size?: number) {
  const sqlite = new BetterSqlite3(':memory:')
  open.push(sqlite)
  sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)')
  const prepare = vi.spyOn(sqlite, 'prepare')
  return { sqlite, prepare, db: withStatementCache(sqlite, size) }
}

describe('prepared statements are kept', () => {
  it('the same SQL is prepared once, however often it runs', () => {
    const { db, prepare } = cached()
    for (let i = 0; i < 5; i++) db.prepare('INSERT INTO t (v) VALUES (?)').run([`x${i}`])
    expect(db.prepare('SELECT count(*) AS n FROM t').all([])).toEqual([{ n: 5 }])
    expect(prepare).toHaveBeenCalledTimes(2)
  })

  it('keeps only the most recently used, preparing a dropped one again when it returns', () => {
    const { db, prepare } = cached(2)
    const q = (n: number) => db.prepare(`SELECT ${n} AS n`).all([])
    q(1)
    q(2)
    q(1) // 1 is the most recent now: 2 is the one to drop
    q(3)
    q(1)
    expect(prepare).toHaveBeenCalledTimes(3)
    q(2)
    expect(prepare).toHaveBeenCalledTimes(4)
  })

  it('a kept statement sees a column added after it was prepared', () => {
    const { db, sqlite } = cached()
    db.prepare('INSERT INTO t (v) VALUES (?)').run(['a'])
    expect(db.prepare('SELECT * FROM t').all([])).toEqual([{ id: 1, v: 'a' }])
    sqlite.exec("ALTER TABLE t ADD COLUMN w TEXT DEFAULT 'b'")
    expect(db.prepare('SELECT * FROM t').all([])).toEqual([{ id: 1, v: 'a', w: 'b' }])
  })
})
