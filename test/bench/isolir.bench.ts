import { rmSync } from 'node:fs'
import { sql } from 'kysely'
import { cliActor } from '@core/audit'
import { createArea, createProduct } from '@core/catalog'
import { systemClock } from '@core/clock'
import { completeSetup } from '@core/companies'
import { bulkInsertCustomers } from '@core/customers'
import { migrateToLatest, openDatabase, writeTx } from '@core/db'
import { queueServiceSync } from '@core/device-jobs'
import {
  applyIsolir,
  createRouter,
  RouterConnection,
  RouterPool,
  runDeviceQueue,
  type NetworkDeps,
} from '@core/network'
import { testSecrets } from '@core/testing'
import { startRouterSim } from '../sim/routeros'
import { initDataDir, report } from './lib'
import { simRouterInput } from '@core/network/testing'

const SERVICES = 5000
const LATENCY_MS = 1

/**
 * Isolir of 5,000 PPPoE services against the RouterOS simulator answering every command after
 * 1 ms, as the issue asks: Loket's way (the database change, then the queue over the router's one
 * persistent connection, commands pipelined) and the naive way (a connection per customer, one
 * command at a time). The simulator runs in this process, so it also takes CPU from the client.
 */
export async function run(): Promise<void> {
  const dataDir = initDataDir('loket-bench-isolir-')
  const db = openDatabase(dataDir)
  await migrateToLatest(db)
  const sim = await startRouterSim({ port: 0, latencyMs: LATENCY_MS })
  for (const name of ['10M', 'ISOLIR']) sim.state.add('/ppp/profile', { name })
  const routers = new RouterPool()
  const deps: NetworkDeps = { db, clock: systemClock, secrets: testSecrets(), routers }
  try {
    const hasCompany = await db.selectFrom('companies').select('id').executeTakeFirst()
    const companyId = hasCompany?.id ?? (await setup(deps)).companyId
    const actor = { ...cliActor(companyId), companyId }
    const area = await createArea(deps, actor, {
      code: 'BNC01',
      name: 'Bench',
      codePattern: '{AREA}-{00000}',
    })
    const product = await createProduct(
      deps,
      actor,
      {
        name: 'Bench 10',
        serviceType: 'pppoe',
        monthlyPrice: 150_000,
        billingMode: 'prepaid',
        downloadMbps: 10,
        uploadMbps: 10,
        routerProfile: '10M',
        dataCapGb: null,
        fupNote: null,
        taxable: false,
      },
      'Asia/Jakarta',
    )
    const router = await createRouter(deps, actor, simRouterInput(sim.port, 'Bench'))
    await writeTx(db, (tx) =>
      bulkInsertCustomers(
        tx,
        deps,
        companyId,
        Array.from({ length: SERVICES }, (_, i) => ({
          code: null,
          areaId: area.id,
          name: `Pelanggan ${i + 1}`,
          category: 'rumah',
          nik: null,
          phone: null,
          email: null,
          address: 'Jl. Bench',
          npwp: null,
          notes: null,
          service: {
            productId: product.id,
            serviceType: 'pppoe',
            status: 'aktif',
            activationDate: '2026-11-01',
            billingDay: 1,
            priceOverride: null,
            pppoeUsername: null,
            pppoePassword: null,
            staticIp: null,
          },
        })),
      ),
    )
    const services = await db
      .selectFrom('services')
      .select(['id', 'company_id', 'pppoe_username'])
      .execute()
    await writeTx(db, async (tx) => {
      await sql`UPDATE services SET router_id = ${router.id}`.execute(tx)
      for (const s of services)
        await queueServiceSync(tx, { ...s, router_id: router.id }, { reason: 'bench' }, new Date())
    })

    let t = performance.now()
    const provisioned = await runDeviceQueue(deps, { ignoreBackoff: true })
    report(
      'provision 5,000 PPPoE secrets (queue, one connection, 1 ms per reply)',
      'ms',
      [performance.now() - t],
      {
        applied: provisioned.applied,
        commands: sim.commands.length,
        connections: sim.acceptedCount(),
      },
    )

    sim.state.setOnline(services.map((s) => ({ name: s.pppoe_username! })))
    const ids = services.map((s) => s.id)
    const before = sim.commands.length
    t = performance.now()
    const isolated = await applyIsolir(
      deps,
      actor,
      { action: 'isolir', serviceIds: ids, reason: 'bench' },
      'Asia/Jakarta',
    )
    const dbMs = performance.now() - t
    const queue = await runDeviceQueue(deps, { ignoreBackoff: true })
    const totalMs = performance.now() - t
    const onRouter = sim.state.table('/ppp/secret').filter((r) => r.profile === 'ISOLIR').length
    report(
      'isolir 5,000 services: database + queue over one connection (1 ms per reply)',
      'ms',
      [totalMs],
      {
        target: '≤ 5000',
        databaseMs: Math.round(dbMs),
        routerMs: Math.round(totalMs - dbMs),
        changed: isolated.changed,
        applied: queue.applied,
        isolatedOnRouter: onRouter,
        kicked: sim.kicked.length,
        commands: sim.commands.length - before,
        connections: sim.acceptedCount(),
      },
    )

    // The naive way: for each customer a new connection, login, and one command at a time.
    sim.state.setOnline(services.map((s) => ({ name: s.pppoe_username! })))
    const accepted = sim.acceptedCount()
    t = performance.now()
    for (const s of services) {
      const c = new RouterConnection({
        host: '127.0.0.1',
        port: sim.port,
        tls: false,
        username: 'admin',
        password: 'admin',
      })
      const [secret] = await c.run('/ppp/secret/print', {}, { where: { name: s.pppoe_username! } })
      await c.run('/ppp/secret/set', { '.id': secret!['.id'], profile: '10M' })
      const active = await c.run('/ppp/active/print', {}, { where: { name: s.pppoe_username! } })
      for (const a of active) await c.run('/ppp/active/remove', { '.id': a['.id'] })
      await c.close()
    }
    report(
      'restore 5,000 services the naive way: connection per customer, one command at a time (1 ms per reply)',
      'ms',
      [performance.now() - t],
      {
        connections: sim.acceptedCount() - accepted,
      },
    )
  } finally {
    await routers.closeAll()
    await sim.close()
    await db.destroy()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function setup(deps: NetworkDeps) {
  return completeSetup(
    deps,
    {
      company: {
        name: 'Bench',
        address: '',
        phone: '6281234567890',
        email: null,
        npwp: null,
        timeZone: 'Asia/Jakarta',
      },
      admin: { name: 'Bench', username: 'owner', password: 'Sangat-Rahasia-42' },
    },
    { ip: '127.0.0.1', userAgent: 'bench', createSession: false },
  )
}
