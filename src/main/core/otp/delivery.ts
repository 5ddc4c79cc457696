import type { Kysely } from 'kysely'
import { renderTemplate, type MessageChannel } from '@shared/messaging'
import type { Database } from '../db'
import type { CoreDeps } from '../deps'
import { DEFAULT_TEMPLATES, loadTemplate } from '../messaging'

/** Where a code goes: a normalised WhatsApp number or e-mail address. */
export interface OtpRecipient {
  channel: MessageChannel
  address: string
}

/**
 * Puts a code's message into the outbox as urgent: the sender sends it ahead of the
 * rate-limited queue (see messaging/sender.ts). The body keeps `{otp}` in place of the code;
 * the code itself is sealed beside it until sent, then erased, so neither the outbox nor the
 * message history ever holds it in clear.
 */
export async function queueCodeMessage(
  tx: Kysely<Database>,
  deps: CoreDeps,
  input: { companyId: number; to: OtpRecipient; code: string; createdBy: string | null },
): Promise<number> {
  const company = await tx
    .selectFrom('companies')
    .select('name')
    .where('id', '=', input.companyId)
    .executeTakeFirstOrThrow()
  const template = await loadTemplate(tx, input.companyId, 'otp')
  // A company's edit that lost `{otp}` would send a message without the code: use Loket's words.
  const words = template.body.includes('{otp}') ? template : DEFAULT_TEMPLATES.otp
  const values = { perusahaan: company.name }
  const now = deps.clock.now().toISOString()
  const row = await tx
    .insertInto('messages')
    .values({
      company_id: input.companyId,
      customer_id: null,
      channel: input.to.channel,
      recipient: input.to.address,
      kind: 'otp',
      subject: renderTemplate(words.subject, values),
      body: renderTemplate(words.body, values),
      status: 'antri',
      reason: null,
      next_attempt_at: now,
      dedupe_key: null,
      created_by: input.createdBy,
      created_at: now,
      updated_at: now,
      priority: 1,
      secret_sealed: deps.secrets.seal(input.code),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
