import { addDays, startOfDayInZone, type CalendarDate } from '@shared/dates'
import type { AuditListInput } from '@shared/schemas'
import type { Db } from '../db'

export interface AuditEntryView {
  id: number
  at: string
  userId: number | null
  username: string | null
  /** The full name of the user behind `userId`, when there is one. */
  userName: string | null
  action: string
  entityType: string | null
  entityId: string | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  ip: string | null
  userAgent: string | null
}

/**
 * A company's audit entries, newest first, filtered by company-local dates, user and action.
 * Failed sign-ins for unknown usernames carry no company; they are shown to every company of the
 * database, since nobody can tell whose they were.
 */
export async function listAudit(
  db: Db,
  companyId: number,
  timeZone: string,
  filter: AuditListInput,
): Promise<{ entries: AuditEntryView[]; nextBeforeId: number | null }> {
  const limit = filter.limit ?? 100
  // The user's full name beside the stored login name: the audit row itself never changes.
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .selectAll('a')
    .select('u.name as user_name')
    .where((eb) => eb.or([eb('a.company_id', '=', companyId), eb('a.company_id', 'is', null)]))
  if (filter.from) {
    q = q.where('a.at', '>=', startOfDayInZone(filter.from as CalendarDate, timeZone).toISOString())
  }
  if (filter.to) {
    const end = startOfDayInZone(addDays(filter.to as CalendarDate, 1), timeZone)
    q = q.where('a.at', '<', end.toISOString())
  }
  if (filter.userId) q = q.where('a.user_id', '=', filter.userId)
  if (filter.action) q = q.where('a.action', 'like', `${filter.action.replace(/[%_]/g, '')}%`)
  if (filter.beforeId) q = q.where('a.id', '<', filter.beforeId)
  const rows = await q
    .orderBy('a.id', 'desc')
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  return {
    entries: page.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      username: r.username,
      userName: r.user_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before_json ? (JSON.parse(r.before_json) as Record<string, unknown>) : null,
      after: r.after_json ? (JSON.parse(r.after_json) as Record<string, unknown>) : null,
      ip: r.ip,
      userAgent: r.user_agent,
    })),
    nextBeforeId: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  }
}

export async function listAuditActions(db: Db, companyId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('action')
    .distinct()
    .where((eb) => eb.or([eb('company_id', '=', companyId), eb('company_id', 'is', null)]))
    .orderBy('action')
    .execute()
  return rows.map((r) => r.action)
}
