import type { Kysely } from 'kysely'
import type { NotificationKind } from '@shared/notifications'
import type { Permission } from '@shared/permissions'
import type { Database } from '../db'

export interface NotificationInput {
  kind: NotificationKind
  /** Values for the translated title ({count}, {date}, {name} …). */
  params?: Record<string, string | number>
  /** The in-app path a click opens. */
  link?: string | null
  /** Only users holding this permission see it; none = everyone who signs in. */
  permission?: Permission | null
  /**
   * Only this user sees it (and only while they hold `permission`, if one is named); none = the
   * whole company. A notice for several people is one notice each, each with its own dedupe key.
   */
  userId?: number | null
  /** Same key, one notification: a replayed day or a retried job does not repeat itself. */
  dedupeKey?: string | null
}

/** Adds notifications inside the caller's transaction; returns how many were new. */
export async function notify(
  tx: Kysely<Database>,
  companyId: number,
  items: NotificationInput[],
  at: string,
): Promise<number> {
  let added = 0
  for (const n of items) {
    const result = await tx
      .insertInto('notifications')
      .values({
        company_id: companyId,
        kind: n.kind,
        params_json: JSON.stringify(n.params ?? {}),
        link: n.link ?? null,
        permission: n.permission ?? null,
        user_id: n.userId ?? null,
        dedupe_key: n.dedupeKey ?? null,
        created_at: at,
      })
      .onConflict((oc) =>
        oc.columns(['company_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing(),
      )
      .executeTakeFirst()
    added += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return added
}
