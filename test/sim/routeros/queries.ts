/**
 * RouterOS API print queries. Each query word pushes a boolean per row onto a stack that starts
 * out as an endless supply of `true`; `?#ops` combines stack values; a row matches when no value
 * left on the stack is `false`.
 *
 *   ?name        has a value for `name`          ?-name      has no value for `name`
 *   ?name=x      `name` equals x (also ?=name=x)  ?<name=x / ?>name=x   less / greater than x
 *   ?#ops        ops left to right: `|` or, `&` and (each pops two, pushes one), `!` negates the
 *                top, `.` pops and discards, a decimal number N pushes a copy of the value N
 *                places below the top (0 = top).
 */
import type { SimRow } from './index.js'

export type QueryTerm =
  | { op: 'has'; key: string }
  | { op: 'not'; key: string }
  | { op: 'eq'; key: string; value: string }
  | { op: 'lt'; key: string; value: string }
  | { op: 'gt'; key: string; value: string }
  | { op: 'stack'; ops: string }

export class QueryError extends Error {}

/** Parses query words (with the leading '?'). */
export function parseQuery(words: readonly string[]): QueryTerm[] {
  return words.map((word) => {
    const w = word.startsWith('?') ? word.slice(1) : word
    if (w.startsWith('#')) {
      const ops = w.slice(1)
      if (!/^[0-9|&!.]*$/.test(ops)) throw new QueryError(`unknown query operation in ${word}`)
      return { op: 'stack', ops }
    }
    if (w.startsWith('-')) return { op: 'not', key: w.slice(1) }
    if (w.startsWith('<') || w.startsWith('>')) {
      const eq = w.indexOf('=', 1)
      if (eq < 0) throw new QueryError(`missing value in ${word}`)
      return {
        op: w[0] === '<' ? 'lt' : 'gt',
        key: w.slice(1, eq),
        value: w.slice(eq + 1),
      }
    }
    const body = w.startsWith('=') ? w.slice(1) : w
    const eq = body.indexOf('=')
    if (eq < 0) return { op: 'has', key: body }
    return { op: 'eq', key: body.slice(0, eq), value: body.slice(eq + 1) }
  })
}

const NUMERIC = /^-?\d+(\.\d+)?$/
const ROUTEROS_ID = /^\*[0-9A-Fa-f]+$/

/** Compares the way RouterOS compares typed values: numbers and ids numerically, else text. */
export function compareValues(a: string, b: string): number {
  if (NUMERIC.test(a) && NUMERIC.test(b)) return Number(a) - Number(b)
  if (ROUTEROS_ID.test(a) && ROUTEROS_ID.test(b)) {
    return parseInt(a.slice(1), 16) - parseInt(b.slice(1), 16)
  }
  return a < b ? -1 : a > b ? 1 : 0
}

function termValue(term: Exclude<QueryTerm, { op: 'stack' }>, row: SimRow): boolean {
  const v = row[term.key]
  switch (term.op) {
    case 'has':
      return v !== undefined
    case 'not':
      return v === undefined
    case 'eq':
      return term.value === '' ? v === undefined || v === '' : v === term.value
    case 'lt':
      return v !== undefined && compareValues(v, term.value) < 0
    case 'gt':
      return v !== undefined && compareValues(v, term.value) > 0
  }
}

function applyOps(ops: string, stack: boolean[]): void {
  const pop = (): boolean => (stack.length > 0 ? stack.pop()! : true)
  let i = 0
  while (i < ops.length) {
    const c = ops[i]!
    if (c >= '0' && c <= '9') {
      let n = 0
      while (i < ops.length && ops[i]! >= '0' && ops[i]! <= '9') n = n * 10 + Number(ops[i++])
      const idx = stack.length - 1 - n
      stack.push(idx >= 0 ? stack[idx]! : true)
      continue
    }
    if (c === '|') {
      const a = pop()
      const b = pop()
      stack.push(a || b)
    } else if (c === '&') {
      const a = pop()
      const b = pop()
      stack.push(a && b)
    } else if (c === '!') {
      stack.push(!pop())
    } else if (c === '.') {
      pop()
    }
    i++
  }
}

export interface CompiledQuery {
  matches(row: SimRow): boolean
  /** When every row that can match must have `key === value` (no stack ops): an index hint. */
  equalities: { key: string; value: string }[]
}

export function compileQuery(words: readonly string[]): CompiledQuery {
  const terms = parseQuery(words)
  if (terms.length === 0) return { matches: () => true, equalities: [] }
  const simple = terms.every((t) => t.op !== 'stack')
  if (simple) {
    const plain = terms as Exclude<QueryTerm, { op: 'stack' }>[]
    return {
      matches: (row) => plain.every((t) => termValue(t, row)),
      equalities: plain.flatMap((t) =>
        t.op === 'eq' && t.value !== '' ? [{ key: t.key, value: t.value }] : [],
      ),
    }
  }
  return {
    matches: (row) => {
      const stack: boolean[] = []
      for (const t of terms) {
        if (t.op === 'stack') applyOps(t.ops, stack)
        else stack.push(termValue(t, row))
      }
      return stack.every(Boolean)
    },
    equalities: [],
  }
}
