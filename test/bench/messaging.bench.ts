import { rmSync } from 'node:fs'
import { cliActor } from '@core/audit'
import { ManualClock, systemClock, type Clock } from '@core/clock'
import { migrateToLatest, openDatabase, writeTx, type Db } from '@core/db'
import {
  fonnteTransport,
  queueMessages,
  sendDueMessages,
  setChannel,
  type MessagingDeps,
} from '@core/messaging'
import { testSecrets } from '@core/testing'
import { DEFAULT_RATE_PER_MINUTE } from '@shared/messaging'
import { startMessageSim } from '../sim/messaging'
import { initDataDir, report } from './lib'

const BURST = 2000
const SIMULATED_MINUTES = 10
const TICK_SECONDS = 5

async function queue(db: Db, clock: Clock, companyId: number, n: number, from: number) {
  await writeTx(db, (tx) =>
    queueMessages(
      tx,
      { companyId, at: clock.now().toISOString(), createdBy: 'bench' },
      Array.from({ length: n }, (_, k) => ({
        customerId: null,
        contact: { whatsapp: `62812${String(from + k).padStart(7, '0')}` },
        kind: 'reminder' as const,
        subject: null,
        body: `Halo Pelanggan ${from + k}, tagihan internet Desember Rp150.000 jatuh tempo 10-12-2026.`,
        dedupeKey: null,
      })),
    ),
  )
}

/** The most messages whose sent_at falls in any 60-second window (t − 60 s, t]. */
function maxPerMinute(sentAt: number[]): number {
  const t = [...sentAt].sort((a, b) => a - b)
  let best = 0
  let lo = 0
  for (let hi = 0; hi < t.length; hi++) {
    while (t[lo]! <= t[hi]! - 60_000) lo++
    best = Math.max(best, hi - lo + 1)
  }
  return best
}

/**
 * Sending throughput against the Fonnte simulator over real HTTP on 127.0.0.1, with the outbox in
 * a real data directory: (a) what the adapter and the sender can push with the rate limit out of
 * the way, (b) the default limit of 20 a minute over ten simulated minutes, the sender ticking
 * every 5 s as the host's does.
 */
export async function run(): Promise<void> {
  const dataDir = initDataDir('loket-bench-messaging-')
  const db = openDatabase(dataDir)
  await migrateToLatest(db)
  const sim = await startMessageSim()
  try {
    const { id: companyId } = await db
      .selectFrom('companies')
      .select('id')
      .executeTakeFirstOrThrow()
    const actor = { ...cliActor(companyId), companyId }
    const live: MessagingDeps = { db, clock: systemClock, secrets: testSecrets() }
    await setChannel(live, actor, {
      provider: 'fonnte',
      token: sim.tokens.fonnte,
      baseUrl: sim.url,
    })

    // (a) The adapter alone, then the sender with the limit lifted far above what the form
    // allows (600), to measure the machinery: claims, HTTP, settling in the outbox.
    const fonnte = fonnteTransport({ token: sim.tokens.fonnte, baseUrl: sim.url })
    let t = performance.now()
    for (let i = 0; i < BURST; i++)
      await fonnte.send({ to: `62813${String(i).padStart(7, '0')}`, subject: null, body: 'Halo' })
    let ms = performance.now() - t
    report(`Fonnte adapter alone: ${BURST.toLocaleString('en')} sends, one at a time`, 'ms', [ms], {
      messagesPerSecond: Math.round((BURST / ms) * 1000),
    })
    sim.received.length = 0
    await db.updateTable('message_channels').set({ rate_per_minute: 1_000_000 }).execute()
    await queue(db, systemClock, companyId, BURST, 1)
    t = performance.now()
    const counts = await sendDueMessages(live, { companyId })
    ms = performance.now() - t
    report(
      `send ${BURST.toLocaleString('en')} WhatsApp messages to the Fonnte simulator, no rate limit`,
      'ms',
      [ms],
      {
        sent: counts.sent,
        received: sim.received.length,
        messagesPerSecond: Math.round((counts.sent / ms) * 1000),
      },
    )

    // (b) The default limit over ten simulated minutes, 1,000 reminders waiting.
    await db
      .updateTable('message_channels')
      .set({ rate_per_minute: DEFAULT_RATE_PER_MINUTE })
      .execute()
    const clock = new ManualClock(new Date(Date.now() + 86_400_000))
    const stepped: MessagingDeps = { ...live, clock }
    const start = clock.now().getTime()
    await queue(db, clock, companyId, 1000, BURST + 1)
    const before = sim.received.length
    const wall = performance.now()
    let waiting = 0
    for (let s = 0; s < SIMULATED_MINUTES * 60; s += TICK_SECONDS) {
      waiting = (await sendDueMessages(stepped, { companyId })).waiting
      clock.set(new Date(start + (s + TICK_SECONDS) * 1000))
    }
    const sent = await db
      .selectFrom('messages')
      .select('sent_at')
      .where('status', '=', 'terkirim')
      .where('sent_at', '>=', new Date(start).toISOString())
      .execute()
    report(
      `default rate limit (${DEFAULT_RATE_PER_MINUTE}/min) over ${SIMULATED_MINUTES} simulated minutes, tick ${TICK_SECONDS} s`,
      'messages',
      [sent.length],
      {
        target: `${DEFAULT_RATE_PER_MINUTE * SIMULATED_MINUTES}`,
        received: sim.received.length - before,
        maxInAny60s: maxPerMinute(sent.map((r) => Date.parse(r.sent_at!))),
        stillWaiting: waiting,
        wallMs: Math.round(performance.now() - wall),
      },
    )
  } finally {
    await sim.close()
    await db.destroy()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
