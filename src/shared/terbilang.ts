/**
 * A whole number in Indonesian words, as a receipt writes the amount ("Terbilang: seratus lima
 * puluh ribu rupiah"). The "se-" forms are the rule for one of a unit below a million: sepuluh,
 * sebelas, seratus, seribu; from a million up it is "satu juta", "satu miliar".
 */
const ONES = [
  '',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
] as const

/** Thousand groups from the smallest: 10^3 ribu … 10^15 kuadriliun (beyond any rupiah amount). */
const SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun', 'kuadriliun'] as const

/** 1–999 in words. */
function belowThousand(n: number): string[] {
  const words: string[] = []
  const hundreds = Math.floor(n / 100)
  const rest = n % 100
  if (hundreds === 1) words.push('seratus')
  else if (hundreds > 1) words.push(ONES[hundreds]!, 'ratus')
  if (rest === 10) words.push('sepuluh')
  else if (rest === 11) words.push('sebelas')
  else if (rest > 11 && rest < 20) words.push(ONES[rest - 10]!, 'belas')
  else {
    const tens = Math.floor(rest / 10)
    if (tens > 1) words.push(ONES[tens]!, 'puluh')
    if (rest % 10) words.push(ONES[rest % 10]!)
  }
  return words
}

/** 1.250.500 → "satu juta dua ratus lima puluh ribu lima ratus"; 0 → "nol". */
export function terbilang(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole number: ${value}`)
  if (value === 0) return 'nol'
  if (value < 0) return `minus ${terbilang(-value)}`
  const groups: number[] = []
  for (let n = value; n > 0; n = Math.floor(n / 1000)) groups.push(n % 1000)
  const words: string[] = []
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!
    if (group === 0) continue
    // Exactly one thousand is "seribu"; 1.001.000 is still "satu juta seribu".
    if (i === 1 && group === 1) words.push('seribu')
    else {
      const scale = SCALES[i]
      words.push(...belowThousand(group), ...(scale ? [scale] : []))
    }
  }
  return words.join(' ')
}

/** The words of a rupiah amount as printed on a receipt: "seratus lima puluh ribu rupiah". */
export function terbilangRupiah(amount: number): string {
  return `${terbilang(amount)} rupiah`
}
