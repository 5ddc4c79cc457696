import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli-process'
import { addDays, calendarDate } from '@shared/dates'
import { openDatabase, type Db } from '@core/db'
import { DEMO_PRODUCTS } from '@core/demo-data'
import { startMessageSim, type MessageSim } from '../sim/messaging'
import { startRouterSim, type RouterSim } from '../sim/routeros'
import { makeDataDir } from '../helpers/data-dir'

/**
 * BILLING.md rules 28–30 end to end, the way an operator replays a month: demo data on a
 * simulated MikroTik, WhatsApp through the Fonnte simulator, and nothing but `jobs run daily
 * --as-of` day after day. Invoices go out on the billing day, reminders on D-3, D0 and D+3,
 * isolir on D+7 reaches the router, a payment at the counter restores it and says so.
 */

let dataDir: string
let routerSim: RouterSim
let messageSim: MessageSim
let db: Db

/** A step of the replay: it must succeed. */
async function cli(...args: string[]) {
  const result = await runCli(dataDir, args)
  if (result.code !== 0)
    throw new Error(
      `cli ${args.join(' ')} exited ${result.code}: ${result.stdout} ${result.stderr}`,
    )
  return result
}

const day = (date: string) => cli('jobs', 'run', 'daily', '--as-of', date)

/** What a replayed day must not change when it runs again. */
async function footprint() {
  const count = async (table: 'messages' | 'invoices' | 'collection_actions' | 'device_jobs') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  return {
    received: messageSim.received.length,
    routerWrites: routerSim.commands.filter((c) => !c.command.endsWith('/print')).length,
    messages: await count('messages'),
    invoices: await count('invoices'),
    actions: await count('collection_actions'),
    deviceJobs: await count('device_jobs'),
  }
}

const received = (phone: string) => messageSim.received.filter((m) => m.target === phone)

beforeAll(async () => {
  dataDir = await makeDataDir('loket-replay-')
  routerSim = await startRouterSim({ port: 0 })
  for (const p of DEMO_PRODUCTS) {
    if (!p.routerProfile) continue
    const menu = p.serviceType === 'hotspot' ? '/ip/hotspot/user/profile' : '/ppp/profile'
    routerSim.state.add(menu, { name: p.routerProfile })
  }
  routerSim.state.add('/ppp/profile', { name: 'ISOLIR' })
  messageSim = await startMessageSim()
  await cli(
    'init',
    '--company',
    'Replay Net',
    '--admin-user',
    'owner',
    '--admin-password',
    'Sangat-Rahasia-42',
  )
  await cli(
    'router',
    'add',
    '--name',
    'POP Utama',
    '--host',
    '127.0.0.1',
    '--port',
    String(routerSim.port),
    '--user',
    'admin',
    '--password',
    'admin',
  )
  await cli(
    'channel',
    'set',
    'whatsapp',
    '--provider',
    'fonnte',
    '--token',
    messageSim.tokens.fonnte,
    '--base-url',
    messageSim.url,
    '--rate',
    '600',
  )
  await cli('demo-data', '--customers', '24', '--seed', 'replay', '--as-of', '2026-11-30')
  // The imported services reach the router before the month starts.
  await cli('jobs', 'run', 'device-queue')
  db = openDatabase(dataDir)
}, 120_000)

afterAll(async () => {
  await db?.destroy()
  await messageSim?.close()
  await routerSim?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('a month of collections replayed day by day', () => {
  let focus: {
    code: string
    phone: string
    login: string
    profile: string
    issueDate: string
    dueDate: string
    total: number
  }

  it('the billing day issues the invoices and tells the customers', async () => {
    const first = await day('2026-12-01')
    const runs = first.json.runs as {
      job: string
      status: string
      counts: Record<string, number>
    }[]
    expect(runs.map((r) => r.job)).toEqual(
      expect.arrayContaining(['invoices', 'reminders', 'isolir']),
    )
    expect(runs.every((r) => r.status === 'done')).toBe(true)
    const invoiceRun = runs.find((r) => r.job === 'invoices')!
    expect(invoiceRun.counts.invoices).toBeGreaterThan(0)

    // The customer followed through the month: the earliest due date among active PPPoE
    // customers with a WhatsApp number.
    const row = await db
      .selectFrom('invoices as i')
      .innerJoin('customers as c', 'c.id', 'i.customer_id')
      .innerJoin('services as s', 's.customer_id', 'c.id')
      .innerJoin('products as p', 'p.id', 's.product_id')
      .select([
        'c.code',
        'c.phone',
        's.pppoe_username',
        'p.router_profile',
        'i.issue_date',
        'i.due_date',
        'i.total',
      ])
      .where('i.status', '=', 'issued')
      .where('s.status', '=', 'aktif')
      .where('p.service_type', '=', 'pppoe')
      .where('c.phone', 'is not', null)
      .orderBy('i.due_date')
      .orderBy('c.code')
      .executeTakeFirstOrThrow()
    focus = {
      code: row.code,
      phone: row.phone!,
      login: row.pppoe_username!,
      profile: row.router_profile!,
      issueDate: row.issue_date,
      dueDate: row.due_date,
      total: row.total,
    }
    // Told on the invoice's issue date (a run on the 1st dates anniversary invoices later).
    expect(received(focus.phone).some((m) => m.message.includes('sudah terbit'))).toBe(
      focus.issueDate === '2026-12-01',
    )

    // The billing day again: no second invoice, no second "tagihan terbit".
    const before = await footprint()
    await day('2026-12-01')
    expect(await footprint()).toEqual(before)
  })

  it('reminds on D-3, D0 and D+3, isolates on D+7 (not D+6), and a replayed day changes nothing', async () => {
    const end = addDays(calendarDate(focus.dueDate), 7)
    const remindedOn: string[] = []
    const toldOn: string[] = received(focus.phone).some((m) => m.message.includes('sudah terbit'))
      ? ['2026-12-01']
      : []
    for (let d = addDays(calendarDate('2026-12-01'), 1); d <= end; d = addDays(d, 1)) {
      const before = received(focus.phone).length
      await day(d)
      const now = received(focus.phone).slice(before)
      if (now.some((m) => m.message.includes('mengingatkan'))) remindedOn.push(d)
      if (now.some((m) => m.message.includes('sudah terbit'))) toldOn.push(d)
      const secret = routerSim.state.find('/ppp/secret', { name: focus.login })[0]
      if (d < end) expect(secret?.profile, `profile on ${d}`).toBe(focus.profile)
      else {
        expect(secret?.profile).toBe('ISOLIR')
        expect(now.some((m) => m.message.includes('kami isolir'))).toBe(true)
      }
    }
    const due = calendarDate(focus.dueDate)
    expect(remindedOn).toEqual([addDays(due, -3), due, addDays(due, 3)])
    expect(toldOn).toEqual([focus.issueDate])

    // The same day again: no message, no router write, no new row.
    const before = await footprint()
    await day(end)
    expect(await footprint()).toEqual(before)
  }, 600_000)

  it('a payment at the counter restores the service on the router and says so', async () => {
    const paid = await cli(
      'payment',
      'record',
      '--customer',
      focus.code,
      '--amount',
      String(focus.total),
    )
    expect(paid.json.balanceAfter).toBe(0)
    expect(routerSim.state.find('/ppp/secret', { name: focus.login })[0]?.profile).toBe(
      focus.profile,
    )
    const next = addDays(addDays(calendarDate(focus.dueDate), 7), 1)
    await day(next)
    expect(received(focus.phone).some((m) => m.message.includes('aktif kembali'))).toBe(true)
    expect(
      received(focus.phone).some(
        (m) => m.message.includes('Pembayaran') || m.message.includes('pembayaran'),
      ),
    ).toBe(true)

    const before = await footprint()
    await day(next)
    expect(await footprint()).toEqual(before)
  }, 120_000)
})
