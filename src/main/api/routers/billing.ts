import {
  addCharge,
  cancelCharge,
  createCreditNote,
  createDraftInvoice,
  creditNotePdf,
  customerStatement,
  deleteDraft,
  getInvoice,
  invoicePdf,
  issueInvoice,
  listCharges,
  listInvoices,
  runBilling,
  voidInvoice,
} from '@core/billing'
import { getBillingSettings } from '@core/settings'
import { updateBillingSettings } from '@core/companies'
import { AppError } from '@shared/errors'
import {
  billingRunInput,
  billingSettingsInput,
  creditNoteInput,
  idSchema,
  invoiceListInput,
  oneTimeChargeInput,
  requiredText,
  rupiahSchema,
  voidInvoiceInput,
} from '@shared/schemas'
import { calendarDate, dateInZone } from '@shared/dates'
import { z } from 'zod'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

const pdf = (file: { fileName: string; data: Buffer } | null) => {
  if (!file) throw new AppError('NOT_FOUND')
  return { fileName: file.fileName, contentBase64: file.data.toString('base64') }
}

export const billingRouter = router({
  settings: procedure(['billing.view', 'company.view']).query(({ ctx }) =>
    getBillingSettings(ctx.services.db, ctx.user.companyId),
  ),
  updateSettings: procedure('company.manage')
    .input(billingSettingsInput)
    .mutation(({ ctx, input }) => updateBillingSettings(ctx.services, ctx.actor, input)),
  /** The run's first step: what it would do (count, total, skipped with reasons). */
  previewRun: procedure('billing.run')
    .input(billingRunInput)
    .mutation(async ({ ctx, input }) => {
      const r = await runBilling(
        ctx.services,
        ctx.actor,
        {
          period: input.period,
          asOf: input.asOf ? calendarDate(input.asOf) : undefined,
          dryRun: true,
        },
        await timeZoneOf(ctx),
      )
      return { ...r, skipped: r.skipped.slice(0, 500) }
    }),
  runPeriod: procedure('billing.run')
    .input(billingRunInput)
    .mutation(async ({ ctx, input }) => {
      const r = await runBilling(
        ctx.services,
        ctx.actor,
        { period: input.period, asOf: input.asOf ? calendarDate(input.asOf) : undefined },
        await timeZoneOf(ctx),
      )
      return { ...r, skipped: r.skipped.slice(0, 500) }
    }),
  runs: procedure('billing.view').query(({ ctx }) =>
    ctx.services.db
      .selectFrom('billing_runs')
      .select([
        'id',
        'period',
        'as_of as asOf',
        'status',
        'invoices',
        'total',
        'username',
        'started_at as startedAt',
        'finished_at as finishedAt',
      ])
      .where('company_id', '=', ctx.user.companyId)
      .orderBy('id', 'desc')
      .limit(50)
      .execute(),
  ),
  invoices: procedure(['billing.view', 'payments.record'])
    .input(invoiceListInput)
    .query(async ({ ctx, input }) =>
      listInvoices(
        ctx.services.db,
        ctx.user.companyId,
        input,
        dateInZone(ctx.services.clock.now(), await timeZoneOf(ctx)),
      ),
    ),
  invoice: procedure(['billing.view', 'payments.record'])
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) => {
      const today = dateInZone(ctx.services.clock.now(), await timeZoneOf(ctx))
      const invoice = await getInvoice(ctx.services.db, ctx.user.companyId, input.id, today)
      if (!invoice) throw new AppError('NOT_FOUND', 'invoice')
      return invoice
    }),
  invoicePdf: procedure(['billing.view', 'payments.record'])
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) =>
      pdf(await invoicePdf(ctx.services.db, ctx.user.companyId, input.id)),
    ),
  creditNotePdf: procedure('billing.view')
    .input(z.object({ id: idSchema }))
    .query(async ({ ctx, input }) =>
      pdf(await creditNotePdf(ctx.services.db, ctx.user.companyId, input.id)),
    ),
  statement: procedure(['billing.view', 'payments.record'])
    .input(z.object({ customerId: idSchema }))
    .query(({ ctx, input }) =>
      customerStatement(ctx.services.db, ctx.user.companyId, input.customerId),
    ),
  voidInvoice: procedure('billing.manage')
    .input(voidInvoiceInput)
    .mutation(({ ctx, input }) => voidInvoice(ctx.services, ctx.actor, input)),
  creditNote: procedure('billing.manage')
    .input(creditNoteInput)
    .mutation(async ({ ctx, input }) =>
      createCreditNote(ctx.services, ctx.actor, input, await timeZoneOf(ctx)),
    ),
  charges: procedure(['billing.view', 'customers.view'])
    .input(z.object({ customerId: idSchema }))
    .query(({ ctx, input }) => listCharges(ctx.services.db, ctx.user.companyId, input.customerId)),
  addCharge: procedure('billing.manage')
    .input(oneTimeChargeInput)
    .mutation(async ({ ctx, input }) =>
      addCharge(ctx.services, ctx.actor, input, await timeZoneOf(ctx)),
    ),
  cancelCharge: procedure('billing.manage')
    .input(z.object({ chargeId: idSchema }))
    .mutation(({ ctx, input }) => cancelCharge(ctx.services, ctx.actor, input.chargeId)),
  createDraft: procedure('billing.manage')
    .input(
      z.object({
        customerId: idSchema,
        lines: z
          .array(z.object({ description: requiredText(200), amount: rupiahSchema }))
          .min(1)
          .max(100),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      createDraftInvoice(ctx.services, ctx.actor, input, await timeZoneOf(ctx)),
    ),
  issueDraft: procedure('billing.manage')
    .input(z.object({ invoiceId: idSchema }))
    .mutation(async ({ ctx, input }) =>
      issueInvoice(ctx.services, ctx.actor, input.invoiceId, await timeZoneOf(ctx)),
    ),
  deleteDraft: procedure('billing.manage')
    .input(z.object({ invoiceId: idSchema }))
    .mutation(({ ctx, input }) => deleteDraft(ctx.services, ctx.actor, input.invoiceId)),
})
