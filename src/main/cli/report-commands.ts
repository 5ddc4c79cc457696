import type { CommandDef } from './commands'

/** `report receivables`, `report invoices` (filled in this change). */
export const reportCommands: Record<string, CommandDef> = {}
