/**
 * Money is integer rupiah everywhere. A `Rupiah` is a branded number so a plain float cannot
 * slip into an amount without passing through `rupiah()`.
 */
export type Rupiah = number & { readonly __brand: 'Rupiah' }

export function isRupiah(value: unknown): value is Rupiah {
  return typeof value === 'number' && Number.isSafeInteger(value)
}

export function rupiah(value: number): Rupiah {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`Not a whole rupiah amount in the safe range: ${value}`)
  }
  return value as Rupiah
}

export function addRupiah(...amounts: Rupiah[]): Rupiah {
  return rupiah(amounts.reduce((sum, a) => sum + a, 0))
}

/**
 * amount × numerator ÷ denominator, rounded half up to whole rupiah, computed exactly with
 * BigInt so proration never depends on floating point (150,000 × 15 ÷ 31 = 72,580.6 → 72,581).
 * Negative results round half away from zero, so a credit mirrors its charge.
 */
export function mulDivRoundHalfUp(amount: Rupiah, numerator: number, denominator: number): Rupiah {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError('numerator and denominator must be whole numbers, denominator ≠ 0')
  }
  const sign = (amount < 0 ? -1n : 1n) * (numerator < 0 ? -1n : 1n) * (denominator < 0 ? -1n : 1n)
  const a = BigInt(Math.abs(amount)) * BigInt(Math.abs(numerator))
  const d = BigInt(Math.abs(denominator))
  const quotient = (a * 2n + d) / (d * 2n)
  return rupiah(Number(sign * quotient))
}

/** amount × numerator ÷ denominator rounded down (towards zero), e.g. PPN per invoice. */
export function mulDivFloor(amount: Rupiah, numerator: number, denominator: number): Rupiah {
  if (denominator === 0) throw new RangeError('denominator must not be 0')
  const q = (BigInt(amount) * BigInt(numerator)) / BigInt(denominator)
  return rupiah(Number(q))
}

const idrFormat = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
})

/** "Rp 150.000" in the id-ID style (the space is a no-break space). */
export function formatRupiah(amount: Rupiah | number): string {
  return idrFormat.format(amount)
}

/**
 * Reads what a person types as an amount: "150000", "150.000", "Rp 150.000", "150,000".
 * Indonesian writes thousands with dots; decimals are not accepted (no sen in rupiah amounts).
 * Returns null when the text is not a whole amount.
 */
export function parseRupiah(text: string): Rupiah | null {
  const trimmed = text.replace(/rp\.?/i, '').replace(/\s|\u00a0/g, '')
  const negative = trimmed.startsWith('-')
  const body = negative ? trimmed.slice(1) : trimmed
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(body)) return null
  const value = Number(body.replace(/[.,]/g, ''))
  if (!Number.isSafeInteger(value)) return null
  return rupiah(negative ? -value : value)
}
