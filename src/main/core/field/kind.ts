import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { AppError } from '@shared/errors'
import type { ModuleKey } from '@shared/modules'
import type { Permission } from '@shared/permissions'
import type { Actor } from '../audit'
import type { Database } from '../db'
import type { FileStore } from '../files'
import type { MessagingDeps } from '../messaging'

/** Who sent a batch from the phone, and what their session allows. */
export interface FieldCaller {
  actor: Actor & { companyId: number; userId: number }
  timeZone: string
  can: (permission: Permission) => boolean
  moduleOn: (module: ModuleKey) => boolean
}

/** The host's core for the kinds: messaging, and the file store for photos and signatures. */
export type FieldDeps = MessagingDeps & { files?: FileStore; onDeviceJobs?: () => void }

export interface FieldKindContext {
  deps: FieldDeps
  caller: FieldCaller
  /** The command's UUID (lower-case): a kind that keeps its own ids (a ledger batch) uses it. */
  commandId: string
}

/** What a command did: shown to the phone, kept with the command for a replay. */
export interface FieldApplied {
  result: Record<string, unknown>
  /** Customer messages it queued: the sender is woken after the command's commit. */
  messagesQueued?: number
  /** Work that must wait for the command's commit (bast.sign: first invoice, welcome, PDF). */
  afterCommit?: () => Promise<unknown>
}

/**
 * One kind of command the phone may send (`ticket.note`, later `survey.report` …): the
 * permission and module it needs, its payload schema and what it does. `apply` runs inside the
 * command's own transaction (with its field_commands row) and refuses by throwing an AppError,
 * which becomes a `conflict` with the error's Indonesian message as the reason.
 */
export interface FieldKind {
  kind: string
  permission: Permission
  module: ModuleKey | null
  run: (tx: Kysely<Database>, ctx: FieldKindContext, payload: unknown) => Promise<FieldApplied>
}

export function defineFieldKind<S extends z.ZodType>(def: {
  kind: string
  permission: Permission
  module: ModuleKey | null
  payload: S
  apply: (
    tx: Kysely<Database>,
    ctx: FieldKindContext,
    payload: z.output<S>,
  ) => Promise<FieldApplied>
}): FieldKind {
  return {
    kind: def.kind,
    permission: def.permission,
    module: def.module,
    run: (tx, ctx, raw) => {
      const parsed = def.payload.safeParse(raw)
      if (!parsed.success)
        throw new AppError('FIELD_PAYLOAD_INVALID', `${def.kind}: ${parsed.error.message}`, {
          kind: def.kind,
        })
      return def.apply(tx, ctx, parsed.data)
    },
  }
}
