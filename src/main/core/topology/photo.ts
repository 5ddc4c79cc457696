import { AppError } from '@shared/errors'
import { MAX_TICKET_PHOTO_BYTES } from '@shared/schemas'
import { appendAudit } from '../audit'
import { contentMatches } from '../customers'
import { writeTx } from '../db'
import type { CoreDeps } from '../deps'
import type { FileStore } from '../files'
import { loadOdp, type CompanyActor } from './topology'

/**
 * The ODP's photo (the box on its pole, for the technician who looks for it): one image per ODP,
 * at most 5 MB, in the file store like tickets' photos; a new one replaces the old.
 */
export async function setOdpPhoto(
  deps: CoreDeps & { files: FileStore },
  actor: CompanyActor,
  input: { odpId: number; mime: string; data: Buffer },
): Promise<{ sha256: string }> {
  if (input.data.length === 0 || input.data.length > MAX_TICKET_PHOTO_BYTES)
    throw new AppError('VALIDATION', 'photo too large', {
      messageKey: 'validation.ticket_photo_size',
    })
  if (!contentMatches(input.mime, input.data))
    throw new AppError('VALIDATION', 'not an image', { messageKey: 'validation.odp_photo_type' })
  const odp = await loadOdp(deps.db, actor.companyId, input.odpId)
  // The file first: an orphan file is harmless, a row pointing at nothing is not.
  const sha256 = await deps.files.put(input.data)
  await writeTx(deps.db, async (tx) => {
    await tx
      .updateTable('odps')
      .set({ photo_sha256: sha256, photo_mime: input.mime })
      .where('id', '=', odp.id)
      .execute()
    await appendAudit(tx, deps.clock, actor, {
      action: 'topology.photo',
      entityType: 'odp',
      entityId: odp.id,
      before: { name: odp.name, sha256: odp.photo_sha256 },
      after: { name: odp.name, sha256, size: input.data.length },
    })
  })
  return { sha256 }
}

export async function readOdpPhoto(
  deps: CoreDeps & { files: FileStore },
  companyId: number,
  odpId: number,
): Promise<{ mime: string; data: Buffer }> {
  const odp = await loadOdp(deps.db, companyId, odpId)
  if (!odp.photo_sha256 || !odp.photo_mime) throw new AppError('NOT_FOUND', 'odp photo')
  return { mime: odp.photo_mime, data: await deps.files.get(odp.photo_sha256) }
}
