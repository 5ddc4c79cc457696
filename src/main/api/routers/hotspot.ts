import {
  batchDetail,
  batchLiveStatus,
  batchPdf,
  createBatch,
  disableVouchers,
  generateCodes,
  listBatches,
  listProfiles,
  pushBatchNow,
  saveProfile,
  sellVouchers,
} from '@core/network'
import {
  hotspotBatchInput,
  hotspotDisableInput,
  hotspotPrintInput,
  hotspotProfileInput,
  hotspotSaleInput,
  idSchema,
  voucherFormatInput,
} from '@shared/schemas'
import { z } from 'zod'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

/** Unsold codes are money: only roles that sell or manage vouchers (hotspot.manage) see them. */
const seesCodes = (ctx: { user: { permissions: ReadonlySet<string> } }) =>
  ctx.user.permissions.has('hotspot.manage')

/**
 * Hotspot vouchers. Making, disabling and selling vouchers only touch the database and queue
 * device jobs; the live status is the one read that asks the router during the request.
 */
export const hotspotRouter = router({
  /** The routers a profile can live on (the voucher pages need no network.view for this). */
  routers: procedure('hotspot.view').query(async ({ ctx }) =>
    ctx.services.db
      .selectFrom('routers')
      .select(['id', 'name', 'active'])
      .where('company_id', '=', ctx.user.companyId)
      .orderBy('name')
      .execute(),
  ),
  profiles: procedure('hotspot.view').query(({ ctx }) =>
    listProfiles(ctx.services.db, ctx.user.companyId),
  ),
  saveProfile: procedure('hotspot.manage')
    .input(hotspotProfileInput)
    .mutation(({ ctx, input }) => saveProfile(ctx.services, ctx.actor, input)),

  /** Sample codes for the generate dialog (not stored, not checked against the router). */
  preview: procedure('hotspot.manage')
    .input(voucherFormatInput)
    .query(({ input }) => generateCodes(input, 5)),
  batches: procedure('hotspot.view').query(({ ctx }) =>
    listBatches(ctx.services.db, ctx.user.companyId),
  ),
  /** Counts and statuses for every viewer; the codes only for those who sell or manage vouchers. */
  batch: procedure('hotspot.view')
    .input(z.object({ id: idSchema }))
    .query(({ ctx, input }) =>
      batchDetail(ctx.services, ctx.user.companyId, input.id, { codes: seesCodes(ctx) }),
    ),
  createBatch: procedure('hotspot.manage')
    .input(hotspotBatchInput)
    .mutation(({ ctx, input }) => createBatch(ctx.services, ctx.actor, input)),
  /** "Kirim sekarang": retry the batch's failed jobs and run its router's queue now. */
  pushNow: procedure('hotspot.manage')
    .input(z.object({ batchId: idSchema }))
    .mutation(({ ctx, input }) => pushBatchNow(ctx.services, ctx.actor, input.batchId)),
  status: procedure('hotspot.view')
    .input(z.object({ batchId: idSchema }))
    .query(({ ctx, input }) =>
      batchLiveStatus(ctx.services, ctx.user.companyId, input.batchId, { codes: seesCodes(ctx) }),
    ),
  disable: procedure('hotspot.manage')
    .input(hotspotDisableInput)
    .mutation(({ ctx, input }) => disableVouchers(ctx.services, ctx.actor, input)),
  sell: procedure('hotspot.manage')
    .input(hotspotSaleInput)
    .mutation(async ({ ctx, input }) =>
      sellVouchers(ctx.services, ctx.actor, input, await timeZoneOf(ctx)),
    ),
  /** The print sheet is every code of the batch: for those who sell or manage vouchers only. */
  printPdf: procedure('hotspot.manage')
    .input(hotspotPrintInput)
    .query(async ({ ctx, input }) => {
      const file = await batchPdf(ctx.services, ctx.user.companyId, input)
      return { fileName: file.fileName, contentBase64: file.data.toString('base64') }
    }),
})
