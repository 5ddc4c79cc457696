import type { CommandDef } from './commands'

/** `channel set …`, `channel test …`. */
export const channelCommands: Record<string, CommandDef> = {}
