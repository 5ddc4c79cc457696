import { sql } from 'kysely'
import { addDays, startOfDayInZone } from '@shared/dates'
import { TICKET_PRIORITIES, type TicketPriority } from '@shared/tickets'
import type { Db } from '../db'
import { getTicketSettings } from '../tickets'
import { assertRange, type DateRange } from './payments-report'

/**
 * What a group of tickets did in the range. Opened: created in the range. Resolved: went to
 * selesai in the range and still are (a reopened ticket counts when it is solved again).
 * Within SLA: resolved no later than its resolution due time (exactly at the due time is in
 * time, as on the ticket page). First response: of the tickets opened in the range, those whose
 * first response is known (given, or not given and already late), and how many came in time.
 */
export interface TicketCounts {
  opened: number
  resolved: number
  resolvedInSla: number
  /** Share of `resolved` within SLA, in % with one decimal; null when nothing was resolved. */
  resolvedInSlaRate: number | null
  firstResponseMeasured: number
  firstResponseInSla: number
  /** Share of `firstResponseMeasured` answered in time, %; null when none is known yet. */
  firstResponseInSlaRate: number | null
}

export interface TicketsReport extends DateRange {
  byCategory: (TicketCounts & { category: string; label: string })[]
  byPriority: (TicketCounts & { priority: TicketPriority })[]
  /** The ticket's assignee now; `userId` null: nobody (yet). */
  byAssignee: (TicketCounts & {
    userId: number | null
    name: string | null
    username: string | null
  })[]
  total: TicketCounts
}

/** A share in % with one decimal (the collection rate's rounding); null over nothing. */
export function slaRate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null
}

type Sums = Pick<
  TicketCounts,
  'opened' | 'resolved' | 'resolvedInSla' | 'firstResponseMeasured' | 'firstResponseInSla'
>
const zero = (): Sums => ({
  opened: 0,
  resolved: 0,
  resolvedInSla: 0,
  firstResponseMeasured: 0,
  firstResponseInSla: 0,
})
const withRates = (s: Sums): TicketCounts => ({
  opened: s.opened,
  resolved: s.resolved,
  resolvedInSla: s.resolvedInSla,
  resolvedInSlaRate: slaRate(s.resolvedInSla, s.resolved),
  firstResponseMeasured: s.firstResponseMeasured,
  firstResponseInSla: s.firstResponseInSla,
  firstResponseInSlaRate: slaRate(s.firstResponseInSla, s.firstResponseMeasured),
})
const add = (to: Sums, r: Sums) => {
  to.opened += r.opened
  to.resolved += r.resolved
  to.resolvedInSla += r.resolvedInSla
  to.firstResponseMeasured += r.firstResponseMeasured
  to.firstResponseInSla += r.firstResponseInSla
}

/** Most urgent first, as an office reads them. */
const PRIORITY_ORDER = [...TICKET_PRIORITIES].reverse()

/**
 * Tickets of the dates `from`–`to` (inclusive, in the company's time zone) by category, by
 * priority and by assignee, with the share resolved within SLA and the share answered within the
 * first-response target. `now` (the host's clock) decides whether an unanswered ticket is
 * already late. One grouped pass over the company's tickets of the range; the three groupings
 * and the total are added up from it, so they always agree.
 */
export async function ticketsReport(
  db: Db,
  companyId: number,
  params: DateRange & { timeZone: string; now: Date },
): Promise<TicketsReport> {
  assertRange(params)
  const start = startOfDayInZone(params.from, params.timeZone).toISOString()
  const end = startOfDayInZone(addDays(params.to, 1), params.timeZone).toISOString()
  const now = params.now.toISOString()
  const opened = sql`(created_at >= ${start} AND created_at < ${end})`
  const resolved = sql`(status = 'selesai' AND resolved_at >= ${start} AND resolved_at < ${end})`
  const { rows } = await sql<{
    category: string
    priority: string
    assignee_id: number | null
    opened: number | string
    resolved: number | string
    resolved_in_sla: number | string
    fr_measured: number | string
    fr_in_sla: number | string
  }>`SELECT category, priority, assignee_id,
      SUM(CASE WHEN ${opened} THEN 1 ELSE 0 END) AS opened,
      SUM(CASE WHEN ${resolved} THEN 1 ELSE 0 END) AS resolved,
      SUM(CASE WHEN ${resolved} AND resolved_at <= resolution_due_at THEN 1 ELSE 0 END) AS resolved_in_sla,
      SUM(CASE WHEN ${opened} AND (first_responded_at IS NOT NULL OR first_response_due_at < ${now})
        THEN 1 ELSE 0 END) AS fr_measured,
      SUM(CASE WHEN ${opened} AND first_responded_at <= first_response_due_at
        THEN 1 ELSE 0 END) AS fr_in_sla
    FROM tickets
    WHERE company_id = ${companyId}
      AND ((created_at >= ${start} AND created_at < ${end})
        OR (resolved_at >= ${start} AND resolved_at < ${end}))
    GROUP BY category, priority, assignee_id`.execute(db)

  const total = zero()
  const categories = new Map<string, Sums>()
  const priorities = new Map<string, Sums>()
  const assignees = new Map<number | null, Sums>()
  const into = <K>(map: Map<K, Sums>, key: K, r: Sums) => {
    const s = map.get(key) ?? zero()
    map.set(key, s)
    add(s, r)
  }
  for (const row of rows) {
    const r: Sums = {
      opened: Number(row.opened),
      resolved: Number(row.resolved),
      resolvedInSla: Number(row.resolved_in_sla),
      firstResponseMeasured: Number(row.fr_measured),
      firstResponseInSla: Number(row.fr_in_sla),
    }
    add(total, r)
    into(categories, row.category, r)
    into(priorities, row.priority, r)
    into(assignees, row.assignee_id, r)
  }

  // Every active category in the settings' order (zeros too), then any other that has tickets.
  const settings = await getTicketSettings(db, companyId)
  const known = new Map(settings.categories.map((c) => [c.key, c]))
  const categoryKeys = [
    ...settings.categories.filter((c) => c.active || categories.has(c.key)).map((c) => c.key),
    ...[...categories.keys()].filter((k) => !known.has(k)).sort(),
  ]

  const userIds = [...assignees.keys()].filter((id): id is number => id !== null)
  const users = userIds.length
    ? await db
        .selectFrom('users')
        .select(['id', 'name', 'username'])
        .where('company_id', '=', companyId)
        .where('id', 'in', userIds)
        .execute()
    : []
  const byUser = new Map(users.map((u) => [u.id, u]))
  const byAssignee = [...assignees.entries()]
    .map(([userId, s]) => ({
      userId,
      name: userId === null ? null : (byUser.get(userId)?.name ?? null),
      username: userId === null ? null : (byUser.get(userId)?.username ?? null),
      ...withRates(s),
    }))
    // By name; "nobody" last.
    .sort((a, b) =>
      a.userId === null
        ? 1
        : b.userId === null
          ? -1
          : (a.name ?? '').localeCompare(b.name ?? '', 'id'),
    )

  return {
    from: params.from,
    to: params.to,
    byCategory: categoryKeys.map((category) => ({
      category,
      label: known.get(category)?.label ?? category,
      ...withRates(categories.get(category) ?? zero()),
    })),
    byPriority: PRIORITY_ORDER.map((priority) => ({
      priority,
      ...withRates(priorities.get(priority) ?? zero()),
    })),
    byAssignee,
    total: withRates(total),
  }
}
