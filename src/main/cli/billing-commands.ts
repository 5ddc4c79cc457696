import type { CommandDef } from './commands'

/** `billing run` (filled in this change). */
export const billingCommands: Record<string, CommandDef> = {}
