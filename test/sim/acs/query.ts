/**
 * The part of GenieACS's query language Loket's calls use, with its rules: a parameter path
 * (`InternetGatewayDevice.…Username`) compares the parameter's `_value` (lib/query.ts `expand`),
 * a `_`-field (`_id`, `_deviceId._SerialNumber`) compares itself; `$or`, `$and`, `$in`, `$ne`.
 * Anything else is refused loudly, so a client asking more than this is noticed.
 */
import { readPath, type Doc } from './devices'

export function matches(doc: Doc, query: Doc): boolean {
  return Object.entries(query).every(([key, cond]) => {
    if (key === '$or') return (cond as Doc[]).some((q) => matches(doc, q))
    if (key === '$and') return (cond as Doc[]).every((q) => matches(doc, q))
    if (key.startsWith('$')) throw new Error(`operator ${key} not supported by the simulator`)
    const value = readPath(doc, key)
    if (typeof cond === 'object' && cond !== null && !Array.isArray(cond)) {
      return Object.entries(cond).every(([op, arg]) => {
        if (op === '$in') return (arg as unknown[]).includes(value)
        if (op === '$ne') return value !== arg
        throw new Error(`operator ${op} not supported by the simulator`)
      })
    }
    return value === cond
  })
}

/** GenieACS's projection: only the named subtrees (and `_id`). */
export function project(doc: Doc, paths: string[]): Doc {
  const out: Doc = { _id: doc._id }
  for (const raw of paths) {
    const path = raw.trim()
    if (!path) continue
    const parts = path.split('.')
    let from: unknown = doc
    for (const p of parts) from = (from as Doc | undefined)?.[p]
    if (from === undefined) continue
    let to = out
    for (const p of parts.slice(0, -1)) {
      if (typeof to[p] !== 'object' || to[p] === null) to[p] = {}
      to = to[p] as Doc
    }
    to[parts[parts.length - 1]!] = structuredClone(from)
  }
  return out
}
