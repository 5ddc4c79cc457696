import type { Kysely } from 'kysely'
import { AppError, messageKeyOf, type ErrorCode } from '@shared/errors'
import { translateId } from '@shared/messages/translate'
import { moduleDisabledDetails } from '@shared/modules'
import type { FieldCommand, FieldCommandResult } from '@shared/schemas'
import { writeTx, type Database } from '../db'
import type { FieldApplied, FieldCaller, FieldDeps, FieldKind } from './kind'
import { FIELD_KINDS } from './kinds'

type Decided =
  | { status: 'applied'; result: Record<string, unknown> }
  | { status: 'conflict'; code: string; reason: string }

/** The Indonesian sentence of a refusal, as the technician reads it on the phone. */
function reasonOf(code: ErrorCode, details?: Record<string, unknown>): string {
  return translateId(messageKeyOf(code), details ?? {})
}

async function recorded(
  db: Kysely<Database>,
  companyId: number,
  uuid: string,
): Promise<FieldCommandResult | null> {
  const row = await db
    .selectFrom('field_commands')
    .select(['status', 'code', 'reason', 'result'])
    .where('company_id', '=', companyId)
    .where('uuid', '=', uuid)
    .executeTakeFirst()
  if (!row) return null
  const original = row.status === 'conflict' ? 'conflict' : 'applied'
  return {
    id: uuid,
    status: 'duplicate',
    original,
    ...(row.code ? { code: row.code } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.result ? { result: JSON.parse(row.result) as Record<string, unknown> } : {}),
  }
}

/**
 * Writes the command's row, unless this UUID has one already. On PostgreSQL a second
 * transaction with the same UUID waits on the unique key until the first commits (then finds
 * the row: duplicate) or rolls back (then claims it itself).
 */
async function claim(
  tx: Kysely<Database>,
  caller: FieldCaller,
  command: FieldCommand,
  receivedAt: string,
  decided: Decided,
): Promise<boolean> {
  const row = await tx
    .insertInto('field_commands')
    .values({
      company_id: caller.actor.companyId,
      uuid: command.id,
      kind: command.kind,
      payload: JSON.stringify(command.payload, keptValue),
      user_id: caller.actor.userId,
      username: caller.actor.username,
      client_at: command.at,
      received_at: receivedAt,
      status: decided.status,
      code: decided.status === 'conflict' ? decided.code : null,
      reason: decided.status === 'conflict' ? decided.reason : null,
      result: decided.status === 'applied' ? JSON.stringify(decided.result) : null,
    })
    .onConflict((oc) => oc.columns(['company_id', 'uuid']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/**
 * What field_commands keeps of a payload: everything but the pictures' bytes (a report's photos
 * and signatures travel as `{ mime, data }` with base64 data, a ticket photo as `contentBase64`;
 * once applied they are in the file store, and a replay is recognised by its UUID, not its
 * payload): those fields are kept as their length.
 */
function keptValue(key: string, value: unknown): unknown {
  return (key === 'data' || key === 'contentBase64') && typeof value === 'string'
    ? `[${value.length} karakter]`
    : value
}

/** Thrown inside the command's transaction to roll it back when its UUID was taken meanwhile. */
class AlreadyRecorded extends Error {}

/**
 * One command, in a transaction of its own: its row and its effect commit together, or neither
 * does. A refusal (an AppError: the ticket closed meanwhile, a move the flow does not allow, a
 * kind this host does not know) rolls the effect back and is recorded as a conflict with its
 * reason, so a replay answers the same. An unexpected failure (the database went away) is
 * answered as a conflict too but not recorded: the phone may send the same UUID again.
 */
async function runOne(
  deps: FieldDeps,
  caller: FieldCaller,
  command: FieldCommand,
  kinds: ReadonlyMap<string, FieldKind>,
): Promise<FieldCommandResult> {
  const companyId = caller.actor.companyId
  const receivedAt = deps.clock.now().toISOString()
  const earlier = await recorded(deps.db, companyId, command.id)
  if (earlier) return earlier

  let refusal: AppError
  try {
    const kind = kinds.get(command.kind)
    if (!kind)
      throw new AppError('FIELD_KIND_UNKNOWN', `kind ${command.kind}`, { kind: command.kind })
    if (kind.module && !caller.moduleOn(kind.module))
      throw new AppError(
        'MODULE_DISABLED',
        `module ${kind.module} is off`,
        moduleDisabledDetails(kind.module),
      )
    if (!caller.can(kind.permission))
      throw new AppError('FORBIDDEN', `missing permission ${kind.permission}`, {
        permission: kind.permission,
      })
    const applied = await writeTx(deps.db, async (tx): Promise<FieldApplied> => {
      // The row first: a concurrent send of the same UUID waits here, then finds it.
      const placeholder: Decided = { status: 'applied', result: {} }
      if (!(await claim(tx, caller, command, receivedAt, placeholder))) throw new AlreadyRecorded()
      const done = await kind.run(tx, { deps, caller, commandId: command.id }, command.payload)
      await tx
        .updateTable('field_commands')
        .set({ result: JSON.stringify(done.result) })
        .where('company_id', '=', companyId)
        .where('uuid', '=', command.id)
        .execute()
      return done
    })
    if ((applied.messagesQueued ?? 0) > 0) deps.onMessages?.()
    // Committed: what follows never turns the answer into a conflict (it logs its own failures).
    if (applied.afterCommit)
      await applied.afterCommit().catch((error: unknown) => {
        console.error(`field command ${command.id} after commit:`, error)
      })
    return { id: command.id, status: 'applied', result: applied.result }
  } catch (error) {
    if (error instanceof AlreadyRecorded) {
      const other = await recorded(deps.db, companyId, command.id)
      if (other) return other
      throw new Error(`field command ${command.id} recorded and gone`, { cause: error })
    }
    if (!(error instanceof AppError)) {
      return {
        id: command.id,
        status: 'conflict',
        code: 'INTERNAL',
        reason: reasonOf('INTERNAL'),
      }
    }
    refusal = error
  }

  const decided: Decided = {
    status: 'conflict',
    code: refusal.code,
    reason: reasonOf(refusal.code, refusal.details),
  }
  const mine = await writeTx(deps.db, (tx) => claim(tx, caller, command, receivedAt, decided))
  if (!mine) {
    const other = await recorded(deps.db, companyId, command.id)
    if (other) return other
  }
  return { id: command.id, status: 'conflict', code: decided.code, reason: decided.reason }
}

/**
 * `field.sync`: the phone's outbox, in the order it was typed. Each command applies once per
 * UUID (field_commands), each in its own transaction, so one refused command never undoes or
 * blocks the others; the answer has one result per command, in order.
 */
export async function syncFieldCommands(
  deps: FieldDeps,
  caller: FieldCaller,
  commands: readonly FieldCommand[],
  kinds: readonly FieldKind[] = FIELD_KINDS,
): Promise<FieldCommandResult[]> {
  const byKind = new Map(kinds.map((k) => [k.kind, k]))
  const results: FieldCommandResult[] = []
  for (const command of commands) {
    const result = await runOne(deps, caller, { ...command, id: command.id.toLowerCase() }, byKind)
    results.push({ ...result, id: command.id })
  }
  return results
}
