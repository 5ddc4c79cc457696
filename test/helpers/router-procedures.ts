import { appRouter, PUBLIC_PROCEDURES } from '@api/index'

export interface ProcedureInfo {
  /** `customers.get`: the path in /api/trpc/<path>. */
  path: string
  type: 'query' | 'mutation'
  /** The zod schema `.input()` was given, or undefined for a procedure without input. */
  input: unknown
  public: boolean
}

interface ProcedureDef {
  _def: { type: 'query' | 'mutation' | 'subscription'; inputs?: unknown[] }
}

/** Every procedure of the app router with its type and input schema, in router order. */
export function listProcedures(): ProcedureInfo[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>
  return Object.entries(procedures).map(([path, proc]) => {
    const { type, inputs = [] } = proc._def
    if (type === 'subscription') throw new Error(`${path}: subscriptions are not fuzzed yet`)
    // Chained .input() calls merge objects; the app uses one each, and the walker expects one.
    if (inputs.length > 1) throw new Error(`${path}: ${inputs.length} input schemas`)
    return {
      path,
      type,
      input: inputs[0],
      public: (PUBLIC_PROCEDURES as readonly string[]).includes(path),
    }
  })
}
