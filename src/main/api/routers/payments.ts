import { openInvoicesOf, creditBalance } from '@core/billing'
import { getCollectionSettings, queuePaymentReceipt } from '@core/collections'
import {
  cashDay,
  closeCashDay,
  listClosings,
  listPayments,
  receiptPdf,
  recordPayment,
  reversePayment,
} from '@core/payments'
import { RECEIPT_PAPERS } from '@shared/billing'
import { dateInZone } from '@shared/dates'
import { AppError } from '@shared/errors'
import {
  calendarDateSchema,
  cashClosingInput,
  idSchema,
  recordPaymentInput,
  reversePaymentInput,
  trimmed,
} from '@shared/schemas'
import { z } from 'zod'
import { followPayments } from '../after-payment'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

export const paymentsRouter = router({
  /** What the cashier sees after picking a customer: open invoices, total due, credit. */
  due: procedure(['payments.record', 'billing.view'])
    .input(z.object({ customerId: idSchema }))
    .query(async ({ ctx, input }) => {
      const customer = await ctx.services.db
        .selectFrom('customers')
        .select(['id', 'code', 'name', 'phone', 'address', 'status'])
        .where('id', '=', input.customerId)
        .where('company_id', '=', ctx.user.companyId)
        .executeTakeFirst()
      if (!customer) throw new AppError('NOT_FOUND', 'customer')
      const [open, credit] = await Promise.all([
        openInvoicesOf(ctx.services.db, customer.id),
        creditBalance(ctx.services.db, customer.id),
      ])
      return {
        customer,
        invoices: open.map((i) => ({ ...i, balance: i.total - i.paid })),
        totalDue: open.reduce((sum, i) => sum + i.total - i.paid, 0),
        credit,
      }
    }),
  record: procedure('payments.record')
    .input(recordPaymentInput)
    .mutation(async ({ ctx, input }) => {
      const timeZone = await timeZoneOf(ctx)
      // The receipt message commits with the payment; a retried request (same clientId) finds
      // it queued already: nothing twice. The policy is read once for the receipt and the
      // restore check after it.
      const settings = await getCollectionSettings(ctx.services.db, ctx.user.companyId)
      let receipt = 0
      const paid = await recordPayment(ctx.services, ctx.actor, input, timeZone, async (tx, p) => {
        receipt = (await queuePaymentReceipt(tx, ctx.services, ctx.actor, p.paymentId, settings))
          .queued
      })
      await followPayments(
        ctx.services,
        ctx.actor,
        [{ customerId: input.customerId, paymentId: paid.paymentId }],
        timeZone,
        { receipt: false, messagesQueued: receipt > 0, settings },
      )
      return paid
    }),
  reverse: procedure('payments.reverse')
    .input(reversePaymentInput)
    .mutation(async ({ ctx, input }) =>
      reversePayment(ctx.services, ctx.actor, input, await timeZoneOf(ctx)),
    ),
  list: procedure(['payments.record', 'billing.view'])
    .input(
      z.object({
        from: calendarDateSchema.optional(),
        to: calendarDateSchema.optional(),
        method: trimmed(20).optional(),
        userId: idSchema.optional(),
        customerId: idSchema.optional(),
        q: trimmed(100).optional(),
        cursor: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(({ ctx, input }) => listPayments(ctx.services.db, ctx.user.companyId, input)),
  receiptPdf: procedure(['payments.record', 'billing.view'])
    .input(z.object({ paymentId: idSchema, paper: z.enum(RECEIPT_PAPERS).optional() }))
    .query(async ({ ctx, input }) => {
      const file = await receiptPdf(
        ctx.services.db,
        ctx.user.companyId,
        input.paymentId,
        await timeZoneOf(ctx),
        input.paper,
      )
      if (!file) throw new AppError('NOT_FOUND', 'payment')
      return { fileName: file.fileName, contentBase64: file.data.toString('base64') }
    }),
  /** The signed-in cashier's day (setoran): received by method, expected cash, closed or not. */
  cashDay: procedure('cash.close')
    .input(z.object({ date: calendarDateSchema.optional() }))
    .query(async ({ ctx, input }) =>
      cashDay(
        ctx.services.db,
        ctx.user.companyId,
        ctx.user.userId,
        input.date ?? dateInZone(ctx.services.clock.now(), await timeZoneOf(ctx)),
      ),
    ),
  closeDay: procedure('cash.close')
    .input(cashClosingInput)
    .mutation(({ ctx, input }) => closeCashDay(ctx.services, ctx.actor, input)),
  closings: procedure('cash.close')
    .input(z.object({ from: calendarDateSchema, to: calendarDateSchema }))
    .query(({ ctx, input }) =>
      listClosings(ctx.services.db, ctx.user.companyId, input.from, input.to),
    ),
})
