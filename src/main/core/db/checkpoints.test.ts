import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it, vi } from 'vitest'
import { openDatabase, DATABASE_FILE } from './database'
import { startCheckpoints } from './checkpoints'

describe('WAL checkpoints off the request path', () => {
  it('a data directory is checkpointed by a worker thread while the host connection only commits', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loket-checkpoints-'))
    const db = openDatabase(dir, { url: null })
    try {
      await sql`CREATE TABLE pages (body BLOB)`.execute(db)
      const stop = await startCheckpoints(db, 10)
      // Only the worker may copy WAL pages into the file now (it sets the automatic ones to 20,000 pages).
      const fileBytes = () => statSync(path.join(dir, DATABASE_FILE)).size
      const before = fileBytes()
      for (let i = 0; i < 64; i++)
        await sql`INSERT INTO pages VALUES (randomblob(16000))`.execute(db)
      await vi.waitFor(() => expect(fileBytes()).toBeGreaterThan(before + 1_000_000), {
        timeout: 10_000,
        interval: 20,
      })
      await stop()
      // Stopped: the host's own connection is untouched and still writes.
      await sql`INSERT INTO pages VALUES (x'00')`.execute(db)
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM pages`.execute(db)
      expect(rows[0]!.n).toBe(65)
    } finally {
      await db.destroy()
    }
  })
})
