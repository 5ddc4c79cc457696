const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * A RouterOS date-time (the router's own clock) as the UI shows dates, dd/mm/yyyy: RouterOS 7
 * writes `2026-11-22 09:41:07`, older versions `nov/22/2026 09:41:07`. Anything else as it came.
 */
export function routerTimeText(value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ T](\S+)$/.exec(value.trim())
  if (iso) return `${iso[3]}/${iso[2]}/${iso[1]} ${iso[4]}`
  const old = /^([a-z]{3})\/(\d{2})\/(\d{4}) (\S+)$/i.exec(value.trim())
  const month = old ? MONTHS.indexOf(old[1]!.toLowerCase()) : -1
  if (old && month >= 0)
    return `${old[2]}/${String(month + 1).padStart(2, '0')}/${old[3]} ${old[4]}`
  return value
}
