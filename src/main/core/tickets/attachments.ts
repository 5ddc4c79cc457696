import type { Kysely } from 'kysely'
import { AppError } from '@shared/errors'
import { MAX_TICKET_PHOTO_BYTES, TICKET_PHOTO_TYPES } from '@shared/schemas'
import { baseFileName } from '@shared/text'
import { appendAudit, type Actor } from '../audit'
import { contentMatches } from '../customers'
import { writeTx, type Database } from '../db'
import type { CoreDeps } from '../deps'
import type { FileStore } from '../files'

/**
 * Photos of a ticket (the broken ONT, the cut cable, the error on the screen): images only, at
 * most 5 MB, kept in the data directory's file store like customer documents. The declared type
 * must match the file's first bytes.
 *
 * `within`: run inside the caller's transaction (the phone's `ticket.photo` records its command
 * in the same transaction as the attachment row).
 */
export async function attachTicketPhoto(
  deps: CoreDeps & { files: FileStore },
  actor: Actor & { companyId: number },
  input: { ticketId: number; fileName: string; mime: string; data: Buffer },
  within?: Kysely<Database>,
): Promise<{ id: number; sha256: string }> {
  if (input.data.length === 0 || input.data.length > MAX_TICKET_PHOTO_BYTES)
    throw new AppError('VALIDATION', 'photo too large', {
      messageKey: 'validation.ticket_photo_size',
    })
  if (
    !(TICKET_PHOTO_TYPES as readonly string[]).includes(input.mime) ||
    !contentMatches(input.mime, input.data)
  )
    throw new AppError('VALIDATION', 'not an image', { messageKey: 'validation.ticket_photo_type' })
  const fileName = baseFileName(input.fileName)
  if (!fileName)
    throw new AppError('VALIDATION', 'invalid file name', {
      issues: [{ path: ['fileName'], message: 'validation.file_name' }],
    })
  const ticket = await (within ?? deps.db)
    .selectFrom('tickets')
    .select(['id', 'number'])
    .where('id', '=', input.ticketId)
    .where('company_id', '=', actor.companyId)
    .executeTakeFirst()
  if (!ticket) throw new AppError('NOT_FOUND', 'ticket')
  // The file first: an orphan file is harmless, a row pointing at nothing is not.
  const sha256 = await deps.files.put(input.data)
  const inTx = <T>(fn: (tx: Kysely<Database>) => Promise<T>) =>
    within ? fn(within) : writeTx(deps.db, fn)
  return inTx(async (tx) => {
    const row = await tx
      .insertInto('ticket_attachments')
      .values({
        ticket_id: ticket.id,
        event_id: null,
        file_name: fileName,
        mime: input.mime,
        size: input.data.length,
        sha256,
        user_id: actor.userId,
        at: deps.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(tx, deps.clock, actor, {
      action: 'tickets.attach',
      entityType: 'ticket',
      entityId: ticket.id,
      after: { number: ticket.number, file_name: fileName, size: input.data.length, sha256 },
    })
    return { id: row.id, sha256 }
  })
}

export interface TicketAttachmentView {
  id: number
  fileName: string
  mime: string
  size: number
  at: string
  username: string | null
}

/** A ticket's photos, oldest first (the order they were taken in). */
export async function listTicketAttachments(
  { db }: CoreDeps,
  companyId: number,
  ticketId: number,
): Promise<TicketAttachmentView[]> {
  const rows = await db
    .selectFrom('ticket_attachments as a')
    .innerJoin('tickets as t', 't.id', 'a.ticket_id')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.file_name', 'a.mime', 'a.size', 'a.at', 'u.username'])
    .where('t.company_id', '=', companyId)
    .where('a.ticket_id', '=', ticketId)
    .orderBy('a.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    fileName: baseFileName(r.file_name) || 'foto',
    mime: r.mime,
    size: r.size,
    at: r.at,
    username: r.username,
  }))
}

/** One photo's bytes, only within the company that owns its ticket. */
export async function readTicketAttachment(
  deps: CoreDeps & { files: FileStore },
  companyId: number,
  id: number,
): Promise<{ fileName: string; mime: string; data: Buffer }> {
  const row = await deps.db
    .selectFrom('ticket_attachments as a')
    .innerJoin('tickets as t', 't.id', 'a.ticket_id')
    .select(['a.file_name', 'a.mime', 'a.sha256'])
    .where('t.company_id', '=', companyId)
    .where('a.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'attachment')
  return {
    fileName: baseFileName(row.file_name) || 'foto',
    mime: row.mime,
    data: await deps.files.get(row.sha256),
  }
}
