import {
  commitPaymentImport,
  parsePaymentFile,
  paymentTemplateCsv,
  previewPaymentImport,
} from '@core/payment-import'
import { z } from 'zod'
import { followPayments, paidRows } from '../after-payment'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

/** Files travel as base64 inside the JSON call (≤ 20 MB before encoding, see core/imports). */
const fileInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().max(28_000_000),
})

const parse = (input: z.infer<typeof fileInput>) =>
  parsePaymentFile(Buffer.from(input.contentBase64, 'base64'), input.fileName)

/** Bulk payment import from a bank statement or a collector's list: preview, then commit. */
export const paymentImportRouter = router({
  preview: procedure('payments.import')
    .input(fileInput)
    .mutation(async ({ ctx, input }) =>
      previewPaymentImport(
        ctx.services,
        ctx.user.companyId,
        await parse(input),
        await timeZoneOf(ctx),
      ),
    ),
  commit: procedure('payments.import')
    .input(fileInput)
    .mutation(async ({ ctx, input }) => {
      const timeZone = await timeZoneOf(ctx)
      const result = await commitPaymentImport(
        ctx.services,
        ctx.actor,
        await parse(input),
        timeZone,
      )
      // Receipts and restores of a long statement follow in the background: the file is in.
      void followPayments(ctx.services, ctx.actor, paidRows(result.rows), timeZone)
      return result
    }),
  template: procedure('payments.import').query(() => ({
    fileName: 'loket-impor-pembayaran.csv',
    contentBase64: paymentTemplateCsv().toString('base64'),
  })),
})
