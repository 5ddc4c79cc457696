import type { CommandDef } from './commands'

/** `payments import FILE` (filled in this change). */
export const paymentImportCommands: Record<string, CommandDef> = {}
