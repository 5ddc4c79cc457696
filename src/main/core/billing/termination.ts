import { calendarDate, daysBetween, formatShortDate } from '@shared/dates'
import { mulDivRoundHalfUp, rupiah } from '@shared/money'
import type { Actor } from '../audit'
import { writeTx } from '../db'
import type { CoreDeps } from '../deps'
import { insertCreditNote } from './credit-notes'

/**
 * Rule 11, "credit the unused days" policy: a service terminated inside a period it has already
 * been billed for gets a credit note for the days after its end, once (one termination credit
 * per service, enforced by a unique index).
 */
export async function writeTerminationCredits(
  deps: CoreDeps,
  actor: Actor & { companyId: number },
  asOf: string,
): Promise<number> {
  return writeTx(deps.db, async (tx) => {
    const ended = await tx
      .selectFrom('services as s')
      .innerJoin('service_history as h', (j) =>
        j
          .onRef('h.service_id', '=', 's.id')
          .on('h.kind', '=', 'status')
          .on('h.to_value', '=', 'putus'),
      )
      .innerJoin('billed_periods as b', (j) =>
        j
          .onRef('b.service_id', '=', 's.id')
          .onRef('b.period_start', '<=', 'h.effective_date')
          .onRef('b.period_end', '>', 'h.effective_date'),
      )
      .innerJoin('invoices as i', 'i.id', 'b.invoice_id')
      .innerJoin('invoice_lines as l', (j) =>
        j
          .onRef('l.invoice_id', '=', 'i.id')
          .onRef('l.service_id', '=', 's.id')
          .on('l.kind', '=', 'recurring'),
      )
      .leftJoin('credit_notes as cn', (j) =>
        j.onRef('cn.service_id', '=', 's.id').on('cn.kind', '=', 'termination'),
      )
      .select([
        's.id as serviceId',
        's.sid',
        'h.effective_date as ended',
        'i.id as invoiceId',
        'i.status as invoiceStatus',
        'l.amount',
        'l.period_start as lineStart',
        'b.period_end as periodEnd',
      ])
      .where('s.company_id', '=', actor.companyId)
      .where('s.status', '=', 'putus')
      .where('h.effective_date', '<=', asOf)
      .where('cn.id', 'is', null)
      .where('i.status', '=', 'issued')
      .execute()
    let written = 0
    for (const e of ended) {
      const lineStart = calendarDate(e.lineStart ?? e.ended)
      const from = calendarDate(e.ended > lineStart ? e.ended : lineStart)
      const end = calendarDate(e.periodEnd)
      // The part of what was billed that lies after the end date.
      const credit = mulDivRoundHalfUp(
        rupiah(e.amount),
        daysBetween(from, end),
        daysBetween(lineStart, end),
      )
      if (credit <= 0) continue
      await insertCreditNote(tx, deps, actor, {
        invoiceId: e.invoiceId,
        amount: credit,
        reason: `Putus ${formatShortDate(calendarDate(e.ended))}: sisa hari ${e.sid}`,
        kind: 'termination',
        serviceId: e.serviceId,
        date: asOf,
      })
      written++
    }
    return written
  })
}
