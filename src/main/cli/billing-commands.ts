import { periodLabel } from '@shared/billing'
import { calendarDate, isCalendarDate } from '@shared/dates'
import { formatRupiah } from '@shared/money'
import { periodSchema } from '@shared/schemas'
import { cliActor } from '../core/audit'
import { runBilling, type RunResult } from '../core/billing'
import { companyTimeZone } from '../core/companies'
import type { CommandDef } from './commands'
import { cliDeps, firstCompanyId, withDb } from './db'
import { count, countLabel, day } from './words'
import { optionError } from './option-errors'

function human(r: RunResult): string {
  const head = r.dryRun ? 'Pratinjau penagihan (belum ada yang disimpan)' : 'Penagihan selesai'
  const lines = [
    `${head}: ${periodLabel(r.period)} (per ${day(r.asOf)})`,
    `  tagihan: ${count(r.invoices)}, total ${formatRupiah(r.total)}`,
  ]
  if (r.creditNotes) lines.push(`  nota kredit putus layanan: ${count(r.creditNotes)}`)
  for (const [reason, n] of Object.entries(r.skippedByReason)) {
    lines.push(`  dilewati (${countLabel(reason)}): ${count(n)}`)
  }
  return lines.join('\n')
}

/** `billing run`: the same invoice run as the UI's two-step action (preview with --dry-run). */
export const billingCommands: Record<string, CommandDef> = {
  'billing run': {
    usage: 'billing run --period YYYY-MM [--as-of YYYY-MM-DD] [--dry-run]',
    stringOptions: ['period', 'as-of'],
    run: async ({ dataDir, values, out }) => {
      const period = periodSchema.safeParse(values.period)
      if (!period.success) {
        throw optionError('period', 'cli.period')
      }
      const asOf = values['as-of']
      if (asOf !== undefined && (typeof asOf !== 'string' || !isCalendarDate(asOf))) {
        throw optionError('as-of', 'cli.date')
      }
      const result = await withDb(dataDir, async (db) => {
        const deps = cliDeps(db, dataDir)
        const companyId = await firstCompanyId(db)
        return runBilling(
          deps,
          { ...cliActor(companyId), companyId },
          {
            period: period.data,
            asOf: asOf ? calendarDate(asOf) : undefined,
            dryRun: values['dry-run'] === true,
          },
          await companyTimeZone(deps, companyId),
        )
      })
      out.result(
        {
          period: result.period,
          asOf: result.asOf,
          dryRun: result.dryRun,
          invoices: result.invoices,
          total: result.total,
          creditNotes: result.creditNotes,
          skipped: result.skipped.map((s) => ({
            customer: s.customer,
            service: s.service,
            reason: s.reason,
          })),
        },
        human(result),
      )
      return 0
    },
  },
}
