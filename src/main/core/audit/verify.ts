import type { Db } from '../db'
import { GENESIS_HASH, hashEntry } from './audit-log'

export type AuditVerifyResult =
  | { ok: true; entries: number; lastHash: string }
  | {
      ok: false
      entries: number
      firstBrokenId: number
      reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'id_gap'
    }

/**
 * Walks the whole chain in id order and reports the first entry whose hash does not match its
 * content, whose link does not match its predecessor, or whose predecessor is missing.
 * Reads in pages so a long log never sits in memory at once.
 */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<AuditVerifyResult> {
  let prevHash = GENESIS_HASH
  let expectedId = 1
  let count = 0
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>=', expectedId)
      .orderBy('id')
      .limit(pageSize)
      .execute()
    if (rows.length === 0) break
    for (const row of rows) {
      if (row.id !== expectedId) {
        return { ok: false, entries: count, firstBrokenId: expectedId, reason: 'id_gap' }
      }
      if (row.prev_hash !== prevHash) {
        return { ok: false, entries: count, firstBrokenId: row.id, reason: 'prev_hash_mismatch' }
      }
      const { hash, ...fields } = row
      if (hashEntry(fields) !== hash) {
        return { ok: false, entries: count, firstBrokenId: row.id, reason: 'hash_mismatch' }
      }
      prevHash = hash
      expectedId += 1
      count += 1
    }
  }
  return { ok: true, entries: count, lastHash: prevHash }
}
