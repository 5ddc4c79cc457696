import { AppError } from '@shared/errors'
import { baseFileName } from '@shared/text'
import { appendAudit, type Actor } from '../audit'
import { writeTx } from '../db'
import type { CoreDeps } from '../deps'
import type { FileStore } from '../files'

/** What may be attached: scans and photos of documents, at most 10 MB each. */
export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
] as const
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

/** The declared type must match the file's first bytes: a renamed .exe is not a KTP scan. */
export function contentMatches(mime: string, data: Buffer): boolean {
  const starts = (hex: string) => data.subarray(0, hex.length / 2).toString('hex') === hex
  if (mime === 'image/png') return starts('89504e470d0a1a0a')
  if (mime === 'image/jpeg') return starts('ffd8ff')
  if (mime === 'image/webp')
    return starts('52494646') && data.subarray(8, 12).toString('latin1') === 'WEBP'
  if (mime === 'application/pdf') return starts('25504446')
  return false
}

export async function attachFile(
  deps: CoreDeps & { files: FileStore },
  actor: Actor & { companyId: number },
  input: { customerId: number; kind: string; fileName: string; mime: string; data: Buffer },
) {
  if (input.data.length === 0 || input.data.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError('VALIDATION', 'file too large', { messageKey: 'validation.file_size' })
  }
  if (
    !(ATTACHMENT_TYPES as readonly string[]).includes(input.mime) ||
    !contentMatches(input.mime, input.data)
  ) {
    throw new AppError('VALIDATION', 'unsupported file type', {
      messageKey: 'validation.file_type',
    })
  }
  // A name is shown and offered as the download's name: never a path, never a control character.
  const fileName = baseFileName(input.fileName)
  if (!fileName) {
    throw new AppError('VALIDATION', 'invalid file name', {
      issues: [{ path: ['fileName'], message: 'validation.file_name' }],
    })
  }
  const customer = await deps.db
    .selectFrom('customers')
    .select('id')
    .where('id', '=', input.customerId)
    .where('company_id', '=', actor.companyId)
    .executeTakeFirst()
  if (!customer) throw new AppError('NOT_FOUND', 'customer')
  // The file is stored before the row that points at it; an orphan file is harmless, a row
  // pointing at nothing is not.
  const sha256 = await deps.files.put(input.data)
  return writeTx(deps.db, async (tx) => {
    const row = await tx
      .insertInto('customer_attachments')
      .values({
        customer_id: customer.id,
        kind: input.kind,
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
      action: 'customers.attach',
      entityType: 'customer',
      entityId: customer.id,
      after: { kind: input.kind, file_name: fileName, size: input.data.length, sha256 },
    })
    return { id: row.id, sha256 }
  })
}

/** Names stored before names were cleaned are cleaned on the way out. */
const shownName = (stored: string) => baseFileName(stored) || 'berkas'

export async function listAttachments({ db }: CoreDeps, companyId: number, customerId: number) {
  const rows = await db
    .selectFrom('customer_attachments')
    .innerJoin('customers', 'customers.id', 'customer_attachments.customer_id')
    .leftJoin('users', 'users.id', 'customer_attachments.user_id')
    .select([
      'customer_attachments.id',
      'kind',
      'file_name as fileName',
      'mime',
      'size',
      'at',
      'users.username',
    ])
    .where('customers.company_id', '=', companyId)
    .where('customer_id', '=', customerId)
    .orderBy('customer_attachments.id', 'desc')
    .execute()
  return rows.map((r) => ({ ...r, fileName: shownName(r.fileName) }))
}

export async function readAttachment(
  deps: CoreDeps & { files: FileStore },
  companyId: number,
  id: number,
) {
  const row = await deps.db
    .selectFrom('customer_attachments')
    .innerJoin('customers', 'customers.id', 'customer_attachments.customer_id')
    .select(['file_name', 'mime', 'sha256'])
    .where('customers.company_id', '=', companyId)
    .where('customer_attachments.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'attachment')
  return {
    fileName: shownName(row.file_name),
    mime: row.mime,
    data: await deps.files.get(row.sha256),
  }
}
