import type { CommandDef } from './commands'

/** `jobs run <job> --as-of`, `jobs run daily`, `jobs list`. */
export const jobCommands: Record<string, CommandDef> = {}
