import fc from 'fast-check'

/**
 * fast-check arbitraries read from a zod 4 schema's own definition (`_zod.def`), so a fuzz test
 * follows the schemas as they change. Valid values honour what the definition says (lengths,
 * regexes, int/min/max, enums, literals, optional keys); refinements are opaque, so strings also
 * come from a pool of plausible values by field name (dates, periods, phones…). Hostile values
 * break one thing at a time: a wrong type, a missing key, a control character, a huge string.
 */

interface ZodLike {
  _zod: { def: Def }
}
interface Def {
  type: string
  [key: string]: unknown
}
interface CheckDef {
  check?: string
  [key: string]: unknown
}

export interface ArbitraryOptions {
  /** Fixed arbitraries for fields of this name, e.g. every `host` at a closed local port. */
  fields?: Record<string, fc.Arbitrary<unknown>>
  /** Strings a field of this name is likely to hold; refinements are opaque to the walker. */
  plausible?: (key: string) => readonly string[]
  /** Length of the "huge" hostile string (a GET carries its input in the URL). */
  hugeLength?: number
}

const defOf = (schema: unknown): Def => (schema as ZodLike)._zod.def
const checksOf = (def: Def): CheckDef[] =>
  ((def.checks as ZodLike[] | undefined) ?? []).map((c) => c._zod.def as unknown as CheckDef)

/** A key the object may leave out: optional, defaulted, or a pipe that starts optional. */
function isOptional(schema: unknown): boolean {
  const def = defOf(schema)
  if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') return true
  if (def.type === 'pipe') return isOptional(def.in)
  return false
}

function stringArbitrary(def: Def, key: string, options: ArbitraryOptions): fc.Arbitrary<string> {
  let min = 0
  let max = Number.POSITIVE_INFINITY
  let pattern: RegExp | undefined
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') min = Math.max(min, check.minimum as number)
    if (check.check === 'max_length') max = Math.min(max, check.maximum as number)
    if (check.check === 'length_equals') min = max = check.length as number
    if (check.check === 'string_format' && check.format === 'regex') {
      pattern = check.pattern as RegExp
    }
  }
  const fits = (s: string) => s.length >= min && s.length <= max
  if (pattern) {
    const regex = pattern
    return fc.stringMatching(regex, { size: 'small' }).filter(fits)
  }
  const upTo = Math.min(max, min + 40)
  const pool = (options.plausible?.(key) ?? []).filter(fits)
  const random = fc.string({ minLength: min, maxLength: upTo })
  const unicode = fc.string({ minLength: min, maxLength: upTo, unit: 'grapheme' })
  return fc.oneof(
    ...(pool.length ? [{ arbitrary: fc.constantFrom(...pool), weight: 4 }] : []),
    { arbitrary: random, weight: 2 },
    { arbitrary: unicode, weight: 1 },
  )
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  let int = false
  let min: number | undefined
  let max: number | undefined
  let minExcluded = false
  let maxExcluded = false
  for (const check of checksOf(def)) {
    if (check.check === 'number_format' && String(check.format).includes('int')) int = true
    if (check.check === 'greater_than') {
      min = check.value as number
      minExcluded = !check.inclusive
    }
    if (check.check === 'less_than') {
      max = check.value as number
      maxExcluded = !check.inclusive
    }
  }
  if (int) {
    const lo = min === undefined ? -1_000_000 : minExcluded ? Math.floor(min) + 1 : Math.ceil(min)
    const hi =
      max === undefined ? 1_000_000_000 : maxExcluded ? Math.ceil(max) - 1 : Math.floor(max)
    // Small values first: ids 1…6 name the rows the test seeded.
    return fc.oneof(
      { arbitrary: fc.integer({ min: lo, max: Math.min(hi, lo + 5) }), weight: 3 },
      { arbitrary: fc.integer({ min: lo, max: hi }), weight: 1 },
    )
  }
  return fc.double({
    min: min ?? -1e9,
    max: max ?? 1e9,
    minExcluded,
    maxExcluded,
    noNaN: true,
    noDefaultInfinity: true,
  })
}

/** Values the schema accepts (as far as its definition tells), as they travel in JSON. */
export function validArbitrary(
  schema: unknown,
  options: ArbitraryOptions = {},
  key = '',
): fc.Arbitrary<unknown> {
  const fixed = options.fields?.[key]
  if (fixed) return fixed
  const def = defOf(schema)
  const inner = (s: unknown) => validArbitrary(s, options, key)
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>
      const entries = Object.entries(shape)
      const arbs = Object.fromEntries(entries.map(([k, s]) => [k, validArbitrary(s, options, k)]))
      const requiredKeys = entries.filter(([, s]) => !isOptional(s)).map(([k]) => k)
      return fc.record(arbs, { requiredKeys })
    }
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 4 })
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null, freq: 4 })
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner(def.innerType)
    case 'pipe':
      return defOf(def.in).type === 'transform' ? inner(def.out) : inner(def.in)
    case 'string':
      return stringArbitrary(def, key, options)
    case 'number':
      return numberArbitrary(def)
    case 'boolean':
      return fc.boolean()
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>))
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]))
    case 'array': {
      let minLength = 0
      let maxLength = 5
      for (const check of checksOf(def)) {
        if (check.check === 'min_length') minLength = check.minimum as number
        if (check.check === 'max_length') maxLength = Math.min(maxLength, check.maximum as number)
      }
      return fc.array(inner(def.element), { minLength, maxLength: Math.max(minLength, maxLength) })
    }
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map(inner))
    case 'record':
      return fc.dictionary(
        validArbitrary(def.keyType, options, key) as fc.Arbitrary<string>,
        inner(def.valueType),
        { maxKeys: 5 },
      )
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map(inner))
    case 'null':
      return fc.constant(null)
    default:
      // unknown, any, and whatever a later schema adds: any JSON will do.
      return fc.jsonValue({ maxDepth: 2 })
  }
}

/** An object own-key `__proto__` as JSON.parse makes it (a literal would set the prototype). */
const protoPolluted = (): Record<string, unknown> =>
  JSON.parse('{"__proto__":{"isAdmin":true,"permissions":["*"]},"constructor":{"prototype":{}}}')

function deeplyNested(depth: number): unknown {
  let value: unknown = 'dasar'
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value]
  return value
}

/** Leaves that are wrong for almost any field: types, bounds, characters, lengths. */
export function hostileLeaf(hugeLength = 6_000): fc.Arbitrary<unknown> {
  return fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    -0.5,
    1.5,
    2 ** 31,
    2 ** 53 + 2,
    -(2 ** 53),
    1e308,
    -1e308,
    '',
    '   ',
    '\u0000',
    'a\u0000b',
    '\u0001\u001b[2J\u007f\u0085\u2028',
    '\ud800',
    '\u202eKIRI',
    "' OR 1=1 --",
    '"; DROP TABLE customers; --',
    '%_*',
    'NEAR(a b',
    '"belum ditutup',
    '{{nama}} {0000} {kode}',
    '../../../etc/passwd',
    '2026-02-30',
    '9999-12-31',
    '0000-00-00',
    '2026-13',
    'NaN',
    'x'.repeat(hugeLength),
    '😀'.repeat(Math.floor(hugeLength / 8)),
    [],
    [null],
    {},
    protoPolluted(),
    deeplyNested(200),
  )
}

/** Every path into a JSON value (object keys and array indexes), the root excluded. */
function pathsOf(
  value: unknown,
  prefix: (string | number)[] = [],
  depth = 0,
): (string | number)[][] {
  if (depth > 4 || value === null || typeof value !== 'object') return []
  const keys: (string | number)[] = Array.isArray(value)
    ? value.map((_, i) => i)
    : Object.keys(value)
  return keys.flatMap((k) => {
    const here = [...prefix, k]
    return [here, ...pathsOf((value as Record<string, unknown>)[k], here, depth + 1)]
  })
}

function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T)
}

function setAt(value: unknown, path: (string | number)[], leaf: unknown, drop = false): unknown {
  const copy = cloneJson(value) as Record<string | number, unknown>
  let node = copy
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>
  const last = path[path.length - 1]!
  if (drop && !Array.isArray(node)) delete node[last]
  else node[last] = leaf
  return copy
}

/**
 * Inputs a client should never send: a valid value with one spot made hostile or removed,
 * prototype keys added, or a hostile value in place of the whole input.
 */
export function invalidArbitrary(
  schema: unknown,
  options: ArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema, options)
  const leaf = hostileLeaf(options.hugeLength)
  const pick = fc.tuple(valid, fc.nat(), leaf)
  return fc.oneof(
    leaf,
    pick.map(([v, i, h]) => {
      const paths = pathsOf(v)
      return paths.length ? setAt(v, paths[i % paths.length]!, h) : h
    }),
    pick.map(([v, i]) => {
      const paths = pathsOf(v)
      return paths.length ? setAt(v, paths[i % paths.length]!, undefined, true) : undefined
    }),
    valid.map((v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? { ...protoPolluted(), ...v } : v,
    ),
  )
}
