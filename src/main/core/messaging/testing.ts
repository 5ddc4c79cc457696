import { cliActor } from '../audit'
import type { Clock } from '../clock'
import { writeTx, type Db } from '../db'
import { companyFixture } from '../testing'
import type { MessagingDeps } from './deps'
import { queueMessages } from './outbox'

/**
 * Test fixtures of the channels and the sender: a company on a manual clock, and a way to put
 * WhatsApp or e-mail messages into its outbox the way every job does.
 */
export async function messagingFixture(start = '2026-12-01T02:00:00.000Z') {
  const f = await companyFixture(start)
  const deps: MessagingDeps = { ...f.deps }
  const actor = { ...cliActor(f.companyId), companyId: f.companyId }
  return { ...f, deps, actor }
}

export type MessagingFixture = Awaited<ReturnType<typeof messagingFixture>>

/** Switches WhatsApp on for the company (Fonnte, no token: nothing is sent in these tests). */
export async function enableWhatsapp(f: { db: Db; clock: Clock; companyId: number }) {
  const now = f.clock.now().toISOString()
  await f.db
    .insertInto('message_channels')
    .values({
      company_id: f.companyId,
      kind: 'whatsapp',
      provider: 'fonnte',
      config_sealed: '',
      rate_per_minute: 20,
      created_at: now,
      updated_at: now,
    })
    .execute()
}

/** `n` distinct customers' numbers: 6281200000001, 6281200000002, … */
export const numberOf = (i: number) => `628120000${String(i).padStart(4, '0')}`

export async function queueTexts(
  f: MessagingFixture,
  n: number,
  options: { channel?: 'whatsapp' | 'email'; from?: number; body?: (i: number) => string } = {},
) {
  const channel = options.channel ?? 'whatsapp'
  const from = options.from ?? 1
  return writeTx(f.db, (tx) =>
    queueMessages(
      tx,
      { companyId: f.companyId, at: f.clock.now().toISOString(), createdBy: 'vitest' },
      Array.from({ length: n }, (_, k) => {
        const i = from + k
        return {
          customerId: null,
          contact:
            channel === 'whatsapp'
              ? { whatsapp: numberOf(i) }
              : { email: `pelanggan${i}@example.com` },
          kind: 'broadcast' as const,
          subject: `Pesan ${i}`,
          body: options.body?.(i) ?? `Pesan nomor ${i}`,
          dedupeKey: null,
          channel,
        }
      }),
      // Queued as if the channel were on: the sender decides what to do when it is not.
      new Set([channel]),
    ),
  )
}

export async function messageRows(f: MessagingFixture) {
  return f.db.selectFrom('messages').selectAll().orderBy('id').execute()
}
