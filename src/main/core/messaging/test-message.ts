import { AppError } from '@shared/errors'
import { formatInstant } from '@shared/dates'
import { channelTestInput } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import { writeTx } from '../db'
import { channelTransport, loadChannel, recordChannelStatus } from './channels'
import type { MessagingDeps } from './deps'
import { asSendError, type SendError } from './transports/types'

type CompanyActor = Actor & { companyId: number }

const CHANNEL_LABEL = { whatsapp: 'WhatsApp', email: 'e-mail' } as const

export interface TestMessageResult {
  ok: true
  messageId: number
  providerId: string | null
  to: string
}

/**
 * "Kirim pesan uji": sends one message now through the saved channel (even while it is switched
 * off, so it can be checked before going live), and records it in the outbox as kind `test` so it
 * shows in the history with its result. A failure throws with the gateway's own words.
 */
export async function sendTestMessage(
  deps: MessagingDeps,
  actor: CompanyActor,
  raw: unknown,
): Promise<TestMessageResult> {
  const parsed = channelTestInput.safeParse(raw)
  if (!parsed.success)
    throw new AppError('VALIDATION', 'invalid test message', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    })
  const { kind, to } = parsed.data
  const channel = await loadChannel(deps, actor.companyId, kind)
  if (!channel)
    throw new AppError('CHANNEL_NOT_SET', `${kind} channel not set`, {
      channel: CHANNEL_LABEL[kind],
    })
  const transport = channelTransport(deps, actor.companyId, channel.config)
  if (!transport)
    throw new AppError('CHANNEL_SEND_FAILED', 'WhatsApp Web sends from the running app only', {
      detail: 'WhatsApp Web (baileys) hanya mengirim dari aplikasi Loket yang sedang berjalan',
    })
  const company = await deps.db
    .selectFrom('companies')
    .select(['name', 'time_zone'])
    .where('id', '=', actor.companyId)
    .executeTakeFirstOrThrow()
  const subject = `Pesan uji dari ${company.name}`
  const body =
    `Pesan uji dari Loket (${company.name}), ` +
    `${formatInstant(deps.clock.now().toISOString(), company.time_zone)}. ` +
    `Saluran ${CHANNEL_LABEL[kind]} lewat ${channel.provider} berfungsi.`

  let providerId: string | null = null
  let failure: SendError | null = null
  try {
    providerId = (await transport.send({ to, subject, body })).providerId
  } catch (error) {
    failure = asSendError(error)
  } finally {
    transport.close?.()
  }

  const at = deps.clock.now().toISOString()
  const messageId = await writeTx(deps.db, async (tx) => {
    const row = await tx
      .insertInto('messages')
      .values({
        company_id: actor.companyId,
        customer_id: null,
        channel: kind,
        recipient: to,
        kind: 'test',
        subject,
        body,
        status: failure ? 'gagal' : 'terkirim',
        reason: failure ? (failure.kind === 'rejected' ? 'rejected' : 'channel_down') : null,
        error_detail: failure ? failure.message.slice(0, 1000) : null,
        attempts: 1,
        provider_id: providerId,
        created_by: actor.username,
        created_at: at,
        sent_at: failure ? null : at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordChannelStatus(tx, channel.id, at, failure)
    await appendAudit(tx, deps.clock, actor, {
      action: 'channels.test',
      entityType: 'message_channel',
      entityId: channel.id,
      after: {
        kind,
        provider: channel.provider,
        to,
        ok: !failure,
        ...(failure ? { error: failure.message.slice(0, 300) } : {}),
      },
    })
    return row.id
  })
  if (failure) {
    if (failure.code === 'CHANNEL_NOT_LINKED')
      throw new AppError('CHANNEL_NOT_LINKED', failure.message, { detail: failure.message })
    throw new AppError('CHANNEL_SEND_FAILED', failure.message, { detail: failure.message })
  }
  return { ok: true, messageId, providerId, to }
}
