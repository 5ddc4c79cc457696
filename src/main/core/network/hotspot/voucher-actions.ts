import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import type { HotspotDisableInput, HotspotSaleInput } from '@shared/schemas'
import { appendAudit } from '../../audit'
import { enqueueDeviceJob } from '../../device-jobs'
import { writeTx } from '../../db'
import type { NetworkDeps } from '../deps'
import { loadBatch } from './batches'
import type { CompanyActor } from './profiles'

/**
 * Disables vouchers (some, or the whole batch) in Loket and queues `hotspot.disable` for the
 * router. The job disables every voucher of the batch disabled in Loket, not only today's, and
 * reads their codes when it runs: the queue and the audit log never hold a code in clear.
 */
export async function disableVouchers(
  deps: NetworkDeps,
  actor: CompanyActor,
  input: HotspotDisableInput,
) {
  const result = await writeTx(deps.db, async (tx) => {
    const batch = await loadBatch(tx, actor.companyId, input.batchId)
    let q = tx
      .selectFrom('hotspot_vouchers')
      .select('id')
      .where('batch_id', '=', batch.id)
      .where('status', '=', 'aktif')
    if (input.voucherIds) q = q.where('id', 'in', input.voucherIds)
    const chosen = await q.orderBy('id').execute()
    if (chosen.length === 0) return { disabled: 0 }
    const now = deps.clock.now()
    for (let i = 0; i < chosen.length; i += 500) {
      await tx
        .updateTable('hotspot_vouchers')
        .set({ status: 'nonaktif', disabled_at: now.toISOString() })
        .where(
          'id',
          'in',
          chosen.slice(i, i + 500).map((v) => v.id),
        )
        .execute()
    }
    await enqueueDeviceJob(
      tx,
      {
        companyId: actor.companyId,
        routerId: batch.router_id,
        kind: 'hotspot.disable',
        target: `batch:${batch.id}`,
        payload: {},
        reason: `nonaktifkan ${chosen.length} voucher`,
        by: actor.username,
      },
      now,
    )
    await appendAudit(tx, deps.clock, actor, {
      action: 'hotspot.vouchers_disable',
      entityType: 'hotspot_batch',
      entityId: batch.id,
      after: { voucher_ids: chosen.map((v) => v.id), count: chosen.length },
    })
    return { disabled: chosen.length }
  })
  if (result.disabled > 0) deps.onDeviceJobs?.()
  return result
}

/**
 * Records vouchers handed over for money (the reseller or the counter sold them): `count` unsold,
 * still usable vouchers of the batch, first codes first, at the batch's price. The sale is
 * revenue on its date (reports/revenue).
 */
export async function sellVouchers(
  deps: NetworkDeps,
  actor: CompanyActor,
  input: HotspotSaleInput,
  timeZone: string,
) {
  return writeTx(deps.db, async (tx) => {
    const batch = await loadBatch(tx, actor.companyId, input.batchId)
    const vouchers = await tx
      .selectFrom('hotspot_vouchers')
      .select('id')
      .where('batch_id', '=', batch.id)
      .where('status', '=', 'aktif')
      .where('sale_id', 'is', null)
      .orderBy('id')
      .limit(input.count)
      .execute()
    if (vouchers.length < input.count) {
      throw new AppError('VALIDATION', 'not enough unsold vouchers', {
        issues: [{ path: ['count'], message: 'validation.out_of_range' }],
        available: vouchers.length,
      })
    }
    const now = deps.clock.now()
    const cashier = actor.userId
      ? await tx
          .selectFrom('users')
          .select('name')
          .where('id', '=', actor.userId)
          .executeTakeFirst()
      : undefined
    const sale = await tx
      .insertInto('hotspot_sales')
      .values({
        company_id: actor.companyId,
        batch_id: batch.id,
        count: vouchers.length,
        unit_price: batch.price,
        amount: vouchers.length * batch.price,
        sale_date: input.date ?? dateInZone(now, timeZone),
        cashier_id: actor.userId,
        cashier_name: cashier?.name ?? actor.username,
        note: input.note,
        created_at: now.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    for (let i = 0; i < vouchers.length; i += 500) {
      await tx
        .updateTable('hotspot_vouchers')
        .set({ sale_id: sale.id })
        .where(
          'id',
          'in',
          vouchers.slice(i, i + 500).map((v) => v.id),
        )
        .execute()
    }
    await appendAudit(tx, deps.clock, actor, {
      action: 'hotspot.sale',
      entityType: 'hotspot_batch',
      entityId: batch.id,
      after: {
        sale_id: sale.id,
        count: sale.count,
        unit_price: sale.unit_price,
        amount: sale.amount,
        sale_date: sale.sale_date,
      },
    })
    return { id: sale.id, count: sale.count, amount: sale.amount, date: sale.sale_date }
  })
}
