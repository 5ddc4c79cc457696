import { parseSpeedText, rateText } from '@shared/speeds'
import { parseRupiah } from '@shared/money'

/**
 * Form fields hold text; the shared schemas take numbers. These turn what a person typed into
 * the value a schema checks: empty is null (the schemas' "not given"), and text that is not a
 * number becomes NaN, which the schema rejects with its own message under the field.
 */

/** "-6,4812" or "-6.4812" → -6.4812 (Indonesian writes decimals with a comma). */
export function decimalOrNull(text: string): number | null {
  const trimmed = text.trim()
  if (!trimmed) return null
  const normal = trimmed.includes('.') ? trimmed : trimmed.replace(',', '.')
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(normal) ? Number(normal) : Number.NaN
}

export function integerOrNull(text: string): number | null {
  const trimmed = text.trim()
  if (!trimmed) return null
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN
}

/** "150.000", "Rp 150.000", "150000" → 150000. */
export function rupiahOrNull(text: string): number | null {
  if (!text.trim()) return null
  return parseRupiah(text) ?? Number.NaN
}

const thousands = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 })

/** An amount as the rupiah input shows it: 150000 → "150.000". */
export function rupiahText(amount: number | null | undefined): string {
  return amount == null ? '' : thousands.format(amount)
}

export function numberText(value: number | null | undefined): string {
  return value == null ? '' : String(value)
}

/** "10" (Mbps), "1,5", "512k", "10M" → Mbps (0.512, 10); empty is null, anything else NaN. */
export function speedOrNull(text: string): number | null {
  const kbps = parseSpeedText(text)
  return kbps === null || Number.isNaN(kbps) ? kbps : kbps / 1000
}

/** A speed as its field shows it: whole Mbps as a number ("10"), otherwise "512k" / "1.5M". */
export function speedText(mbps: number | null | undefined): string {
  if (mbps == null) return ''
  const kbps = Math.round(mbps * 1000)
  return kbps % 1000 === 0 ? String(kbps / 1000) : rateText(kbps)
}
