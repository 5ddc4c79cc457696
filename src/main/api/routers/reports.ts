import {
  customerCounts,
  customerPaymentHistory,
  PAID_FILTERS,
  SERVICE_GROUPS,
  revenueTrend,
  exportReport,
  filtersOf,
  invoicedVsCollected,
  paymentsReport,
  periodInvoices,
  receivablesByCustomer,
  receivablesByInvoice,
  revenueReport,
  ticketsReport,
  type ReportRequest,
} from '@core/reports'
import { calendarDate, dateInZone } from '@shared/dates'
import { calendarDateSchema, idSchema, periodSchema } from '@shared/schemas'
import { z } from 'zod'
import { timeZoneOf } from '../time-zone'
import { procedure, router } from '../trpc'

/** Area (cabang) and package filters; absent means every area and package. */
const filterFields = {
  areaId: z.number().int().positive().optional(),
  productId: z.number().int().positive().optional(),
}
const receivablesInput = z.object({
  ...filterFields,
  /** Defaults to today in the company's time zone. */
  asOf: calendarDateSchema.optional(),
  detail: z.boolean().default(false),
})
const periodRangeInput = z
  .object({ from: periodSchema, to: periodSchema, ...filterFields })
  .refine((r) => r.from <= r.to, { message: 'validation.out_of_range', path: ['to'] })
const dateRangeInput = z
  .object({ from: calendarDateSchema, to: calendarDateSchema, ...filterFields })
  .refine((r) => r.from <= r.to, { message: 'validation.out_of_range', path: ['to'] })
/** One period's invoices; optionally paid or unpaid only, internet or TV kabel only (seed 003). */
const periodInput = z.object({
  period: periodSchema,
  ...filterFields,
  paidFilter: z.enum(PAID_FILTERS).optional(),
  serviceGroup: z.enum(SERVICE_GROUPS).optional(),
})
/** Every range report takes the same filters: the customer counts' input is the periods' one. */
const customerCountsInput = periodRangeInput

/** Tickets of a date range (the Tiket module's report): no area or package filter. */
const ticketsInput = z
  .object({ from: calendarDateSchema, to: calendarDateSchema })
  .refine((r) => r.from <= r.to, { message: 'validation.out_of_range', path: ['to'] })

/** The twelve months up to `to` (default: this month in the company's zone). */
const revenueTrendInput = z.object({ to: periodSchema.optional(), ...filterFields })

const exportInput = z.discriminatedUnion('report', [
  z.object({ report: z.literal('revenueTrend'), params: revenueTrendInput }),
  z.object({ report: z.literal('receivables'), params: receivablesInput }),
  z.object({ report: z.literal('invoicedVsCollected'), params: periodRangeInput }),
  z.object({ report: z.literal('payments'), params: dateRangeInput }),
  z.object({ report: z.literal('revenue'), params: periodRangeInput }),
  z.object({ report: z.literal('invoices'), params: periodInput }),
  z.object({ report: z.literal('customers'), params: customerCountsInput }),
  z.object({ report: z.literal('tickets'), params: ticketsInput }),
])

type Ctx = Parameters<typeof timeZoneOf>[0] & { services: { clock: { now(): Date } } }

/** Today in the company's zone: the default as-of date and what picks the receivables' fast path. */
async function today(ctx: Ctx) {
  return dateInZone(ctx.services.clock.now(), await timeZoneOf(ctx))
}

const dates = <R extends { from: string; to: string }>(r: R) => ({
  ...r,
  from: calendarDate(r.from),
  to: calendarDate(r.to),
})

/** Reports: receivables with aging, invoiced vs collected, payments, revenue (rule 31). */
export const reportsRouter = router({
  receivables: procedure('reports.view')
    .input(receivablesInput)
    .query(async ({ ctx, input }) => {
      const now = await today(ctx)
      const params = {
        asOf: input.asOf ? calendarDate(input.asOf) : now,
        today: now,
        ...filtersOf(input),
      }
      const db = ctx.services.db
      return input.detail
        ? { detail: true as const, ...(await receivablesByInvoice(db, ctx.user.companyId, params)) }
        : {
            detail: false as const,
            ...(await receivablesByCustomer(db, ctx.user.companyId, params)),
          }
    }),
  invoicedVsCollected: procedure('reports.view')
    .input(periodRangeInput)
    .query(({ ctx, input }) => invoicedVsCollected(ctx.services.db, ctx.user.companyId, input)),
  payments: procedure('reports.view')
    .input(dateRangeInput)
    .query(({ ctx, input }) => paymentsReport(ctx.services.db, ctx.user.companyId, dates(input))),
  revenue: procedure('reports.view')
    .input(periodRangeInput)
    .query(({ ctx, input }) => revenueReport(ctx.services.db, ctx.user.companyId, input)),
  invoices: procedure('reports.view')
    .input(periodInput)
    .query(({ ctx, input }) => periodInvoices(ctx.services.db, ctx.user.companyId, input)),
  /** Customers per month end (aktif, isolir, putus) with the month's new and terminated ones. */
  customers: procedure('reports.view')
    .input(customerCountsInput)
    .query(async ({ ctx, input }) =>
      customerCounts(ctx.services.db, ctx.user.companyId, {
        ...input,
        timeZone: await timeZoneOf(ctx),
      }),
    ),
  /** Revenue of twelve months beside the same months a year earlier. */
  revenueTrend: procedure('reports.view')
    .input(revenueTrendInput)
    .query(async ({ ctx, input }) =>
      revenueTrend(ctx.services.db, ctx.user.companyId, {
        ...input,
        to: input.to ?? (await today(ctx)).slice(0, 7),
      }),
    ),
  /**
   * Tickets opened and resolved in a date range by category, priority and assignee, with the
   * shares within SLA. Belongs to the Tiket module (src/shared/modules.ts).
   */
  tickets: procedure('reports.view')
    .input(ticketsInput)
    .query(async ({ ctx, input }) =>
      ticketsReport(ctx.services.db, ctx.user.companyId, {
        ...dates(input),
        timeZone: await timeZoneOf(ctx),
        now: ctx.services.clock.now(),
      }),
    ),
  /**
   * One customer's invoices of a year, month by month, with the payments that paid them (the
   * customer page's "Riwayat pembayaran"); readable by whoever may see the customer's bills.
   */
  customerPayments: procedure(['reports.view', 'billing.view', 'payments.record'])
    .input(z.object({ customerId: idSchema, year: z.number().int().min(2000).max(2100) }))
    .query(({ ctx, input }) => customerPaymentHistory(ctx.services.db, ctx.user.companyId, input)),
  /** The report as Excel or PDF, as the renderer saves it (`{fileName, contentBase64}`). */
  export: procedure('reports.view')
    .input(z.object({ request: exportInput, format: z.enum(['xlsx', 'pdf']) }))
    .mutation(async ({ ctx, input }) => {
      const timeZone = await timeZoneOf(ctx)
      const now = ctx.services.clock.now()
      const day = dateInZone(now, timeZone)
      const r = input.request
      const request: ReportRequest =
        r.report === 'receivables'
          ? {
              report: r.report,
              params: {
                asOf: r.params.asOf ? calendarDate(r.params.asOf) : day,
                detail: r.params.detail,
                ...filtersOf(r.params),
              },
            }
          : r.report === 'payments' || r.report === 'tickets'
            ? { report: r.report, params: dates(r.params) }
            : r.report === 'revenueTrend'
              ? { report: r.report, params: { ...r.params, to: r.params.to ?? day.slice(0, 7) } }
              : r
      const file = await exportReport(ctx.services.db, ctx.user.companyId, request, input.format, {
        now,
        today: day,
        timeZone,
      })
      return { fileName: file.fileName, contentBase64: file.data.toString('base64') }
    }),
})
