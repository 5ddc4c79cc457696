import type { FormatterModule } from 'i18next'
import { formatCount, formatNumber } from '@shared/numbers'

/**
 * Numbers put into a text are counts unless named here: a count reads "1.775 tagihan", never
 * "1775 tagihan", in every message without each one asking for it. Ids, ports, spreadsheet rows,
 * years and versions keep their digits as they are ("baris 1024", "port 8728").
 */
const PLAIN_NUMBERS = new Set(['id', 'port', 'row', 'index', 'year', 'version', 'step'])

export function localeOf(language: string | undefined): string {
  return language === 'en' ? 'en-GB' : 'id-ID'
}

/** The i18next formatter (with `interpolation.alwaysFormat`) that groups every count. */
export const countFormatter: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value: unknown, _format, lng, options) => {
    const key = (options as { interpolationkey?: string } | undefined)?.interpolationkey
    if (typeof value !== 'number' || !Number.isFinite(value) || PLAIN_NUMBERS.has(key ?? '')) {
      return value as string
    }
    const locale = localeOf(lng)
    // A measured value (2,5 Mbps) keeps its decimals; a count has none.
    return Number.isInteger(value) ? formatCount(value, locale) : formatNumber(value, locale)
  },
}
