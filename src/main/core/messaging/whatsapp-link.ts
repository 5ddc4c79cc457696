import { AppError } from '@shared/errors'
import { appendAudit, type Actor } from '../audit'
import { writeTx } from '../db'
import type { WhatsappSessionView } from './baileys-session'
import { loadChannel } from './channels'
import type { MessagingDeps } from './deps'

type CompanyActor = Actor & { companyId: number }

const NOT_HERE: WhatsappSessionView = {
  status: 'tidak_tertaut',
  qr: null,
  phone: null,
  detail: 'host_only',
}

/** The WhatsApp Web session's state and, while pairing, the QR to scan. */
export function whatsappLinkStatus(deps: MessagingDeps, companyId: number): WhatsappSessionView {
  return deps.whatsapp ? deps.whatsapp.status(companyId) : NOT_HERE
}

function sessionsOf(deps: MessagingDeps) {
  if (!deps.whatsapp)
    throw new AppError('CHANNEL_SEND_FAILED', 'no WhatsApp Web sessions in this process', {
      detail: 'WhatsApp Web (baileys) hanya berjalan di aplikasi Loket',
    })
  return deps.whatsapp
}

/** "Tautkan": starts pairing; the Saluran tab then polls the status for the QR. */
export async function linkWhatsapp(
  deps: MessagingDeps,
  actor: CompanyActor,
): Promise<WhatsappSessionView> {
  const sessions = sessionsOf(deps)
  const channel = await loadChannel(deps, actor.companyId, 'whatsapp')
  if (channel?.provider !== 'baileys')
    throw new AppError('CHANNEL_NOT_SET', 'whatsapp channel is not baileys', {
      channel: 'WhatsApp Web',
    })
  const view = await sessions.link(actor.companyId)
  await writeTx(deps.db, (tx) =>
    appendAudit(tx, deps.clock, actor, {
      action: 'channels.update',
      entityType: 'message_channel',
      entityId: channel.id,
      after: { provider: 'baileys', link: 'start' },
    }),
  )
  return view
}

/** "Putuskan tautan": logs the phone out and deletes the session kept in the data dir. */
export async function unlinkWhatsapp(deps: MessagingDeps, actor: CompanyActor): Promise<void> {
  const sessions = sessionsOf(deps)
  const before = sessions.status(actor.companyId)
  await sessions.unlink(actor.companyId)
  await writeTx(deps.db, (tx) =>
    appendAudit(tx, deps.clock, actor, {
      action: 'channels.unlink',
      entityType: 'message_channel',
      entityId: null,
      before: { status: before.status, phone: before.phone },
    }),
  )
}
