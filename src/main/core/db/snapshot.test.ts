import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { sqliteSnapshot } from './snapshot'

describe('sqliteSnapshot', () => {
  it('finishes while another connection writes between every step, and the copy is one instant', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loket-snapshot-'))
    const file = path.join(dir, 'live.sqlite')
    const live = new BetterSqlite3(file)
    live.pragma('journal_mode = WAL')
    live.exec(
      'CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB); CREATE TABLE meta (n INTEGER)',
    )
    live.exec('INSERT INTO meta VALUES (0)')
    // 24 MB: several steps of the copy, so writes land between them.
    const insert = live.prepare('INSERT INTO rows (body) VALUES (randomblob(4000))')
    const bump = live.prepare('UPDATE meta SET n = n + 1')
    const write = live.transaction(() => {
      insert.run()
      bump.run()
    })
    for (let i = 0; i < 6000; i++) write()

    // The host: one committed write on every turn of the event loop, as long as the copy runs.
    let writing = true
    let writes = 0
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
      const rows = copy.prepare('SELECT count(*) AS n FROM rows').get() as { n: number }
      const meta = copy.prepare('SELECT n FROM meta').get() as { n: number }
      // Every row with its counter: no half of a transaction, whatever was written meanwhile.
      expect(rows.n).toBe(meta.n)
      expect(rows.n).toBeGreaterThanOrEqual(6000)
    } finally {
      copy.close()
      live.close()
    }
  })
})
