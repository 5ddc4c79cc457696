/**
 * How a person reads a count or a measured number: grouped the way their language writes it
 * ("1.775 tagihan" in Indonesian, "1,775 invoices" in English), never the bare "1775". Money has
 * its own formatter (`formatRupiah` in money.ts); phone numbers theirs (`formatPhone`).
 */
const formats = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits}`
  let f = formats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits, useGrouping: true })
    formats.set(key, f)
  }
  return f
}

/** A count of things: 1775 → "1.775" (id-ID) or "1,775" (en-GB). */
export function formatCount(value: number, locale = 'id-ID'): string {
  return numberFormat(locale, 0).format(value)
}

/** A measured number with at most `fractionDigits` decimals: 12.5 Mbps → "12,5" in id-ID. */
export function formatNumber(value: number, locale = 'id-ID', fractionDigits = 2): string {
  return numberFormat(locale, fractionDigits).format(value)
}
