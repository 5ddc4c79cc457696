import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import { DEFAULT_TICKET_SETTINGS, ticketSettingsInput, type TicketSettings } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { writeTx, type Database, type Db } from '../db'
import type { CoreDeps } from '../deps'
import { readSettings, writeSettings } from '../settings'

const KEY = 'tickets'

/**
 * Ticket categories and SLA targets: the company setting `tickets`, not tables. The category
 * list is short, edited as a whole on one form and read with every new ticket, which is what the
 * stored-settings pattern is for (typed JSON with defaults field by field). Tickets keep the
 * category's key; a key in use can be switched off but not removed (saveTicketSettings).
 */
export function getTicketSettings(
  db: Db | Kysely<Database>,
  companyId: number,
): Promise<TicketSettings> {
  return readSettings(db, companyId, KEY, ticketSettingsInput, DEFAULT_TICKET_SETTINGS)
}

export async function saveTicketSettings(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  value: TicketSettings,
): Promise<TicketSettings> {
  const at = deps.clock.now().toISOString()
  return writeTx(deps.db, async (tx) => {
    const before = await getTicketSettings(tx, actor.companyId)
    const kept = new Set(value.categories.map((c) => c.key))
    const dropped = before.categories.map((c) => c.key).filter((k) => !kept.has(k))
    if (dropped.length) {
      const used = await tx
        .selectFrom('tickets')
        .select('category')
        .where('company_id', '=', actor.companyId)
        .where('category', 'in', dropped)
        .limit(1)
        .executeTakeFirst()
      if (used)
        throw new AppError('TICKET_CATEGORY_IN_USE', `category ${used.category} is in use`, {
          category: used.category,
        })
    }
    await writeSettings(tx, actor.companyId, KEY, value, at)
    await appendAudit(tx, deps.clock, actor, {
      action: 'tickets.settings',
      entityType: 'company',
      entityId: actor.companyId,
      before: { ...before },
      after: { ...value },
    })
    return value
  })
}
