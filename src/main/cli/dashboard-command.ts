import { calendarDate, dateInZone, isCalendarDate, type CalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { DEFAULT_ROLE_PERMISSIONS } from '@shared/permissions'
import { systemClock } from '../core/clock'
import { companyTimeZone } from '../core/companies'
import {
  dashboardAccess,
  dashboardSummary,
  paymentsChart,
  type DashboardSummary,
  type PaymentsChart,
} from '../core/dashboard'
import { METHOD_LABELS } from '../core/payments'
import type { PaymentMethod } from '@shared/billing'
import type { CommandDef } from './commands'
import { cliDeps, firstCompanyId, withDb } from './db'
import { optionError } from './option-errors'
import { count, day } from './words'

const percent = (rate: number | null) =>
  rate === null ? '-' : `${rate.toLocaleString('id-ID', { maximumFractionDigits: 1 })}%`

/** The dashboard's cards as lines an owner reads in a terminal. */
function dashboardText(s: DashboardSummary, chart: PaymentsChart, today: CalendarDate): string {
  const lines = [`Dasbor per ${day(s.asOf)} (periode ${s.period})`, '']
  if (s.customers) {
    const c = s.customers
    lines.push(
      `Pelanggan${s.asOf === today ? '' : ' (status saat ini)'}: aktif ${count(c.aktif)}, ` +
        `isolir ${count(c.isolir)}, putus ${count(c.putus)}, baru bulan ini ${count(c.newThisMonth)}`,
    )
  }
  if (s.billing) {
    const b = s.billing
    lines.push(
      `Tagihan periode ini: ${count(b.invoices)} tagihan, ${formatRupiah(b.invoiced)}; ` +
        `terbayar ${formatRupiah(b.collected)} (${percent(b.rate)})`,
    )
  }
  if (s.receivables) {
    const r = s.receivables
    lines.push(
      `Piutang: ${formatRupiah(r.total)} dari ${count(r.customers)} pelanggan; ` +
        `lewat jatuh tempo ${formatRupiah(r.overdueAmount)} (${count(r.overdueCustomers)} pelanggan)`,
    )
  }
  if (s.takings) {
    const t = s.takings
    const methods = t.byMethod
      .map(
        (m) => `${METHOD_LABELS[m.method as PaymentMethod] ?? m.method} ${formatRupiah(m.amount)}`,
      )
      .join(', ')
    lines.push(
      `Penerimaan hari itu: ${formatRupiah(t.total.amount)} (${count(t.total.count)} pembayaran)` +
        (methods ? ` — ${methods}` : ''),
    )
  }
  if (s.collections) {
    lines.push(
      `Isolir hari itu: ${count(s.collections.isolatedToday)}, dibuka kembali ${count(s.collections.restoredToday)}`,
    )
  }
  if (s.messages) {
    lines.push(`Pesan gagal: ${count(s.messages.failed)}, antri ${count(s.messages.queued)}`)
  }
  if (s.routerJobs) {
    lines.push(
      `Tugas router gagal: ${count(s.routerJobs.failed)}, menunggu ${count(s.routerJobs.pending)}`,
    )
  }
  lines.push(
    '',
    `Pembayaran bulan ini: ${formatRupiah(chart.totals.current)} (${count(chart.totals.currentCount)}); ` +
      `bulan lalu ${formatRupiah(chart.totals.previous)} (${count(chart.totals.previousCount)})`,
  )
  return lines.join('\n')
}

/**
 * `report dashboard`: the owner's dashboard as the API computes it (core/dashboard), every part,
 * as of today or --as-of. The router panel reads routers live and is left to the app.
 */
export const dashboardCommand: CommandDef = {
  usage: 'report dashboard [--as-of YYYY-MM-DD]   (the figures of Dasbor; default today)',
  stringOptions: ['as-of'],
  run: async ({ dataDir, values, out }) => {
    const asOfText = values['as-of']
    if (asOfText !== undefined && (typeof asOfText !== 'string' || !isCalendarDate(asOfText))) {
      throw optionError('as-of', 'cli.date')
    }
    await withDb(dataDir, async (db) => {
      const companyId = await firstCompanyId(db)
      const timeZone = await companyTimeZone(cliDeps(db, dataDir), companyId)
      const today = dateInZone(systemClock.now(), timeZone)
      const asOf = asOfText ? calendarDate(asOfText) : today
      const summary = await dashboardSummary(db, companyId, {
        asOf,
        today,
        timeZone,
        userId: null,
        access: dashboardAccess(new Set(DEFAULT_ROLE_PERMISSIONS.superadmin)),
      })
      const chart = await paymentsChart(db, companyId, 'month', asOf)
      out.result({ ...summary, paymentsChart: chart }, dashboardText(summary, chart, today))
    })
    return 0
  },
}
