import { dateInZone, isCalendarDate } from '@shared/dates'
import { cliActor } from '../core/audit'
import { systemClock } from '../core/clock'
import { getCompany } from '../core/companies'
import { commitImport } from '../core/customer-import'
import { generateDemoData } from '../core/demo-data'
import type { CommandDef } from './commands'
import { cliDeps, firstCompanyId, withDb } from './db'
import { count as countText } from './words'
import { optionError } from './option-errors'
import { routerForArea } from './router-for'

const numbered = <T>(rows: T[]) => ({
  rows: rows.map((value, i) => ({ rowNumber: i + 2, value })),
  errors: [],
})

/**
 * `demo-data --customers N --seed S [--as-of DATE]`: a deterministic, realistic data set written
 * through the same all-or-nothing import path as a spreadsheet (areas, packages, customers with
 * their services). Same seed and date, same data.
 */
export const demoDataCommand: CommandDef = {
  usage:
    'demo-data --customers N --seed S [--as-of YYYY-MM-DD] [--router-for AREA=ROUTER …]   (run init first)',
  stringOptions: ['customers', 'seed', 'as-of'],
  listOptions: ['router-for'],
  run: async ({ dataDir, values, lists, out }) => {
    const count = Number(values.customers ?? 1000)
    if (!Number.isInteger(count) || count < 0 || count > 1_000_000) {
      throw optionError('customers', 'cli.whole_number', { min: 0, max: '1.000.000' })
    }
    const seed = typeof values.seed === 'string' ? values.seed : 'loket'
    const asOfOption = typeof values['as-of'] === 'string' ? values['as-of'] : undefined
    if (asOfOption && !isCalendarDate(asOfOption)) throw optionError('as-of', 'cli.date')
    const started = performance.now()
    const summary = await withDb(dataDir, async (db) => {
      const deps = cliDeps(db, dataDir)
      const companyId = await firstCompanyId(db)
      const { timeZone } = await getCompany(deps, companyId)
      const asOf = asOfOption ?? dateInZone(systemClock.now(), timeZone)
      const data = generateDemoData({ customers: count, seed, asOf })
      const input = {
        fileName: `demo-data:${seed}:${count}`,
        areas: numbered(data.areas),
        products: numbered(data.products),
        customers: numbered(data.customers),
        // With several routers each demo area needs one, as a spreadsheet's areas do.
        routerForArea: await routerForArea(db, companyId, lists['router-for'] ?? []),
      }
      // No welcome messages: the demo customers are made up, and thousands of messages to
      // invented numbers would only fill the outbox.
      return commitImport(deps, { ...cliActor(companyId), companyId }, input, timeZone)
    })
    const ms = Math.round(performance.now() - started)
    out.result(
      {
        ok: true,
        seed,
        areas: summary.areas,
        products: summary.products,
        customers: summary.customers,
        ms,
      },
      `Data contoh (seed ${seed}): ${countText(summary.customers.created)} pelanggan ditambahkan ` +
        `(${countText(summary.customers.existing)} sudah ada), ${countText(summary.areas.created)} area, ` +
        `${countText(summary.products.created)} paket, dalam ${countText(ms)} ms.`,
    )
    return 0
  },
}
