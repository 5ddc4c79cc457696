import type { Kysely } from 'kysely'
import type { NotificationKind } from '@shared/notifications'
import type { Permission } from '@shared/permissions'
import { insertRows, writeTx, type Database, type Db } from '../db'
import type { CoreDeps } from '../deps'

/** Who is looking: notifications are per company, read marks per user, some need a permission. */
export interface NotificationReader {
  companyId: number
  userId: number
  permissions: Iterable<Permission>
}

export interface NotificationView {
  id: number
  kind: NotificationKind
  params: Record<string, string | number>
  link: string | null
  createdAt: string
  read: boolean
}

/**
 * The notifications this reader may see, joined to their own read mark: the company's, meant for
 * everyone or for this user, and needing no permission or one the reader holds.
 */
function visible(db: Kysely<Database>, reader: NotificationReader) {
  const permissions = [...reader.permissions]
  return db
    .selectFrom('notifications as n')
    .leftJoin('notification_reads as r', (join) =>
      join.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', reader.userId),
    )
    .where('n.company_id', '=', reader.companyId)
    .where((eb) => eb.or([eb('n.user_id', 'is', null), eb('n.user_id', '=', reader.userId)]))
    .where((eb) =>
      permissions.length
        ? eb.or([eb('n.permission', 'is', null), eb('n.permission', 'in', permissions)])
        : eb('n.permission', 'is', null),
    )
}

function parseParams(text: string): Record<string, string | number> {
  try {
    const value: unknown = JSON.parse(text)
    if (!value || typeof value !== 'object') return {}
    return Object.fromEntries(
      Object.entries(value).filter(
        (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
      ),
    )
  } catch {
    return {}
  }
}

/** The bell's list: newest first. */
export async function listNotifications(
  db: Db,
  reader: NotificationReader,
  limit = 50,
): Promise<NotificationView[]> {
  const rows = await visible(db, reader)
    .select(['n.id', 'n.kind', 'n.params_json', 'n.link', 'n.created_at', 'r.read_at'])
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as NotificationKind,
    params: parseParams(r.params_json),
    link: r.link,
    createdAt: r.created_at,
    read: r.read_at !== null,
  }))
}

/** The bell's badge. */
export async function unreadCount(db: Db, reader: NotificationReader): Promise<number> {
  const row = await visible(db, reader)
    .where('r.read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Marks notifications read for this reader only (others keep their own marks); ids the reader
 * cannot see are ignored. Returns how many became read. A read mark is the reader's own view,
 * not a change to the business, so it is not audited.
 */
export async function markNotificationsRead(
  deps: CoreDeps,
  reader: NotificationReader,
  ids: number[] | 'all',
): Promise<number> {
  if (ids !== 'all' && ids.length === 0) return 0
  return writeTx(deps.db, async (tx) => {
    let unread = visible(tx, reader).where('r.read_at', 'is', null)
    if (ids !== 'all') unread = unread.where('n.id', 'in', ids)
    const rows = await unread.select('n.id').execute()
    if (rows.length === 0) return 0
    const at = deps.clock.now().toISOString()
    return insertRows(
      tx,
      'notification_reads',
      rows.map((r) => ({ notification_id: r.id, user_id: reader.userId, read_at: at })),
      { ignoreConflicts: true },
    )
  })
}
