/**
 * A small seeded PRNG so demo data is the same on every machine and every run: the seed is
 * hashed with cyrb128 into sfc32's 128-bit state. Math.random is never used.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** `length` characters from `alphabet`. */
  chars(length: number, alphabet: string): string
}

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

/** Seeds 7 and '7' give the same stream: the seed is used as text. */
export function createRandom(seed: string | number): Random {
  let [a, b, c, d] = cyrb128(String(seed))
  const next = (): number => {
    a |= 0
    b |= 0
    c |= 0
    d |= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  // Warm up: the first outputs of sfc32 still echo the seed.
  for (let i = 0; i < 15; i++) next()

  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list')
      return items[Math.floor(next() * items.length)] as T
    },
    chars: (length, alphabet) => {
      let out = ''
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)]
      return out
    },
  }
}

/** A picker over weighted choices; cumulative weights are computed once, a pick is a scan. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Random) => T {
  if (entries.length === 0) throw new RangeError('no weighted choices')
  const values = entries.map(([value]) => value)
  const cumulative: number[] = []
  let total = 0
  for (const [, weight] of entries) cumulative.push((total += weight))
  return (rng) => {
    const x = rng.next() * total
    for (let i = 0; i < cumulative.length; i++)
      if (x < (cumulative[i] as number)) return values[i] as T
    return values[values.length - 1] as T
  }
}
