import { calendarDate } from '@shared/dates'
import { DEFAULT_COLLECTION_SETTINGS, type CollectionSettings } from '@shared/schemas'
import { billingFixture } from '../billing/testing'
import type { JobContext } from '../deps'
import { RouterPool } from '../network'
import { recordPayment } from '../payments'
import type { AutopilotDeps } from './deps'
import { afterPayment } from './after-payment'
import { saveCollectionSettings } from './settings'

/**
 * Test fixtures only: billingFixture (a company, packages, `customer`, `run`) plus what the
 * collections rules need — contacts, a switched-on WhatsApp channel, the policy, a job context
 * for a day, a counter payment followed by `afterPayment`, and the outbox's rows.
 */
export async function collectionsFixture(start = '2026-01-01T03:00:00Z') {
  const f = await billingFixture(start)
  const deps: AutopilotDeps = { ...f.deps, routers: new RouterPool() }
  const at = (date: string) => f.clock.set(`${date}T03:00:00Z`)
  const ctx = (asOf: string): JobContext => {
    at(asOf)
    return {
      companyId: f.companyId,
      asOf: calendarDate(asOf),
      timeZone: f.tz,
      actor: f.actor,
      runId: null,
      trigger: 'cli',
    }
  }
  const contact = (
    customerId: number,
    c: { phone?: string | null; email?: string | null; optOut?: boolean },
  ) =>
    f.db
      .updateTable('customers')
      .set({
        ...(c.phone !== undefined ? { phone: c.phone } : {}),
        ...(c.email !== undefined ? { email: c.email } : {}),
        ...(c.optOut !== undefined ? { messages_opt_out: c.optOut ? 1 : 0 } : {}),
      })
      .where('id', '=', customerId)
      .execute()
  /** A WhatsApp channel that is set up and on (its sending is another module's business). */
  const whatsappOn = () =>
    f.db
      .insertInto('message_channels')
      .values({
        company_id: f.companyId,
        kind: 'whatsapp',
        provider: 'fonnte',
        config_sealed: 'test',
        rate_per_minute: 20,
        created_at: start,
        updated_at: start,
      })
      .execute()
  const policy = (patch: Partial<CollectionSettings>) =>
    saveCollectionSettings(f.deps, f.actor, { ...DEFAULT_COLLECTION_SETTINGS, ...patch })
  /** A cash payment at the counter on `date`, then what the payments API does after it. */
  const pay = async (customerId: number, amount: number, date: string) => {
    at(date)
    const p = await recordPayment(
      f.deps,
      f.actor,
      { customerId, amount, method: 'cash', reference: null, invoiceId: null, notes: null },
      f.tz,
    )
    return {
      payment: p,
      after: await afterPayment(deps, f.actor, { customerId, paymentId: p.paymentId }, f.tz),
    }
  }
  const messages = (kind?: string) => {
    let q = f.db.selectFrom('messages').selectAll().orderBy('id')
    if (kind) q = q.where('kind', '=', kind)
    return q.execute()
  }
  const serviceStatus = async (serviceId: number) =>
    (
      await f.db
        .selectFrom('services')
        .select('status')
        .where('id', '=', serviceId)
        .executeTakeFirstOrThrow()
    ).status
  const actions = () => f.db.selectFrom('collection_actions').selectAll().orderBy('id').execute()
  return { ...f, deps, at, ctx, contact, whatsappOn, policy, pay, messages, serviceStatus, actions }
}
