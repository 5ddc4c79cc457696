import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from './database'
import { writeTx, type Db } from './write-tx'

const FULL = 2
const NORMAL = 1

describe('writeTx', () => {
  let db: Db
  let dir: string
  const synchronous = async () =>
    (await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db)).rows[0]!.synchronous
  const open = () => {
    dir = mkdtempSync(path.join(tmpdir(), 'loket-write-tx-'))
    db = openDatabase(dir)
    return sql`CREATE TABLE t (x INTEGER)`.execute(db)
  }
  afterEach(async () => {
    await db.destroy()
    rmSync(dir, { recursive: true, force: true })
  })

  it('a batch that may flush with the next commit runs without its own flush, and every other commit flushes again', async () => {
    await open()
    expect(await synchronous()).toBe(FULL)
    const inside = await writeTx(
      db,
      async (tx) => {
        await tx.executeQuery(sql`INSERT INTO t VALUES (1)`.compile(tx))
        return (await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(tx)).rows[0]!
          .synchronous
      },
      { flushWithNextCommit: true },
    )
    expect(inside).toBe(NORMAL)
    expect(await synchronous()).toBe(FULL)
  })

  it('a failed batch rolls back and leaves the connection flushing every commit', async () => {
    await open()
    await expect(
      writeTx(
        db,
        async (tx) => {
          await tx.executeQuery(sql`INSERT INTO t VALUES (1)`.compile(tx))
          throw new Error('boom')
        },
        { flushWithNextCommit: true },
      ),
    ).rejects.toThrow('boom')
    expect(await synchronous()).toBe(FULL)
    expect((await sql`SELECT * FROM t`.execute(db)).rows).toEqual([])
  })
})
