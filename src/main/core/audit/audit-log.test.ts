import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { dropGuardTrigger, writeTx } from '../db'
import { createTestDb } from '../db/test-db'
import { GENESIS_HASH, appendAudit, verifyAuditChain, type Actor } from './index'

const actor: Actor = {
  companyId: 1,
  userId: 7,
  username: 'kasir',
  ip: '192.0.2.5',
  userAgent: 'test',
}

async function logWithEntries(n: number) {
  const db = await createTestDb()
  const clock = new ManualClock('2026-11-22T03:00:00Z')
  for (let i = 1; i <= n; i++) {
    await writeTx(db, (tx) =>
      appendAudit(tx, clock, actor, {
        action: 'users.update',
        entityType: 'user',
        entityId: i,
        before: { role: 'viewer' },
        after: { role: 'admin_billing' },
      }),
    )
    clock.advanceMinutes(1)
  }
  return db
}

describe('audit log', () => {
  it('each entry stores the hash of the previous one, starting from the genesis hash', async () => {
    const db = await logWithEntries(3)
    const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute()
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH)
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash)
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash)
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 3, lastHash: rows[2]!.hash })
  })

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    const db = await logWithEntries(1)
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(db)).rejects.toThrow(/append-only/)
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/)
  })

  it('tampering with one entry is found at that entry', async () => {
    const db = await logWithEntries(5)
    // What someone with a database shell could do: drop the guard and edit a row.
    await dropGuardTrigger(db, 'audit_log_no_update', 'audit_log')
    await sql`UPDATE audit_log SET after_json = '{"role":"superadmin"}' WHERE id = 3`.execute(db)
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      firstBrokenId: 3,
      reason: 'hash_mismatch',
      entries: 2,
    })
  })

  it('a removed entry breaks the chain where it was', async () => {
    const db = await logWithEntries(4)
    await dropGuardTrigger(db, 'audit_log_no_delete', 'audit_log')
    await sql`DELETE FROM audit_log WHERE id = 2`.execute(db)
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      firstBrokenId: 2,
      reason: 'id_gap',
    })
  })

  it('a rewritten entry with a recomputed hash still breaks the next link', async () => {
    const db = await logWithEntries(3)
    await dropGuardTrigger(db, 'audit_log_no_update', 'audit_log')
    await sql`UPDATE audit_log SET hash = ${'f'.repeat(64)} WHERE id = 2`.execute(db)
    const result = await verifyAuditChain(db, 2)
    expect(result).toMatchObject({ ok: false, firstBrokenId: 2 })
  })
})
