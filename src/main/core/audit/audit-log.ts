import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { AuditAction, AuditEntityType } from '@shared/audit-actions'
import type { Clock } from '../clock'
import { takeTurn, type Database } from '../db'
import type { Actor } from './actor'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEntryInput {
  action: AuditAction
  entityType?: AuditEntityType | null
  entityId?: string | number | null
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
}

export interface AuditFields {
  id: number
  at: string
  company_id: number | null
  user_id: number | null
  username: string | null
  action: string
  entity_type: string | null
  entity_id: string | null
  before_json: string | null
  after_json: string | null
  ip: string | null
  user_agent: string | null
  prev_hash: string
}

/** The hash of an entry covers every field and the previous entry's hash: the chain. */
export function hashEntry(fields: AuditFields): string {
  const canonical = JSON.stringify([
    fields.id,
    fields.at,
    fields.company_id,
    fields.user_id,
    fields.username,
    fields.action,
    fields.entity_type,
    fields.entity_id,
    fields.before_json,
    fields.after_json,
    fields.ip,
    fields.user_agent,
    fields.prev_hash,
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

/**
 * Appends one entry. Call it inside the write transaction of the change it records, so the change
 * and its audit entry commit together; the transaction's write lock also keeps the chain linear.
 */
export async function appendAudit(
  tx: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  entry: AuditEntryInput,
): Promise<number> {
  await takeTurn(tx, 'audit_log')
  const last = await tx
    .selectFrom('audit_log')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const fields: AuditFields = {
    id: (last?.id ?? 0) + 1,
    at: clock.now().toISOString(),
    company_id: actor.companyId,
    user_id: actor.userId,
    username: actor.username,
    action: entry.action,
    entity_type: entry.entityType ?? null,
    entity_id: entry.entityId == null ? null : String(entry.entityId),
    before_json: entry.before ? JSON.stringify(entry.before) : null,
    after_json: entry.after ? JSON.stringify(entry.after) : null,
    ip: actor.ip,
    user_agent: actor.userAgent,
    prev_hash: last?.hash ?? GENESIS_HASH,
  }
  await tx
    .insertInto('audit_log')
    .values({ ...fields, hash: hashEntry(fields) })
    .execute()
  return fields.id
}

/** Only the fields that changed, before and after; secrets never reach the log. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  keys: readonly (keyof T)[],
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  for (const key of keys) {
    if (!(key in after)) continue
    if (before[key] !== after[key]) {
      b[key as string] = before[key]
      a[key as string] = after[key]
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null
}
