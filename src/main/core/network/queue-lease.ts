import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { writeTx, type Database } from '../db'
import type { RouterPool } from './routeros'

/** A lease outlives a crashed holder by at most this long (real time, not the business clock). */
const LEASE_MS = 60_000
const RENEW_MS = 20_000
const POLL_MS = 100

/** This process's runners: its owner name in the lease table, and the run going per router. */
interface ProcessRuns {
  owner: string
  going: Map<number, Promise<{ value: unknown } | null>>
}

// One RouterPool per process (host, CLI): it stands for the process here.
const processes = new WeakMap<RouterPool, ProcessRuns>()

function runsOf(pool: RouterPool): ProcessRuns {
  let runs = processes.get(pool)
  if (!runs) {
    runs = { owner: randomUUID(), going: new Map() }
    processes.set(pool, runs)
  }
  return runs
}

/**
 * Runs `work` as the only runner of a router's queue, so no job is applied twice and no session is
 * kicked twice. In this process runners take turns: one that finds another going waits for it
 * (and gets its result in `joined`, so "Terapkan sekarang" can say what the worker just did), then
 * takes its own turn for what is left. Across processes (the host, the CLI) the lease in
 * `router_queue_leases` does the same. With `wait: false` (the background worker) a busy router is
 * left for the next tick instead: the answer is null.
 */
export async function takeRouterTurn<T>(
  deps: { db: Kysely<Database>; routers: RouterPool },
  routerId: number,
  wait: boolean,
  work: () => Promise<T>,
): Promise<{ value: T; joined: T[] } | null> {
  const runs = runsOf(deps.routers)
  const joined: T[] = []
  for (let ahead = runs.going.get(routerId); ahead; ahead = runs.going.get(routerId)) {
    if (!wait) return null
    const done = await ahead.catch(() => null)
    if (done) joined.push(done.value as T)
  }
  const mine = (async () => {
    if (!(await acquire(deps.db, routerId, runs.owner, wait))) return null
    const renew = setInterval(() => {
      void acquire(deps.db, routerId, runs.owner, false).catch(() => undefined)
    }, RENEW_MS)
    renew.unref()
    try {
      return { value: await work() }
    } finally {
      clearInterval(renew)
      await release(deps.db, routerId, runs.owner)
    }
  })()
  // Registered before any waiter's reaction, so the next in line finds the router free.
  runs.going.set(routerId, mine)
  void mine.then(
    () => clear(runs, routerId, mine),
    () => clear(runs, routerId, mine),
  )
  const result = await mine
  return result ? { value: result.value, joined } : null
}

function clear(runs: ProcessRuns, routerId: number, run: Promise<unknown>): void {
  if (runs.going.get(routerId) === run) runs.going.delete(routerId)
}

/** Takes (or extends) the lease when it is free, expired or already ours; polls when told to wait. */
async function acquire(
  db: Kysely<Database>,
  routerId: number,
  owner: string,
  wait: boolean,
): Promise<boolean> {
  for (;;) {
    const now = Date.now()
    const until = new Date(now + LEASE_MS).toISOString()
    const holder = await writeTx(db, async (tx) => {
      await tx
        .insertInto('router_queue_leases')
        .values({ router_id: routerId, owner, until })
        .onConflict((oc) =>
          oc
            .column('router_id')
            .doUpdateSet({ owner, until })
            .where((eb) =>
              eb.or([
                eb('router_queue_leases.until', '<', new Date(now).toISOString()),
                eb('router_queue_leases.owner', '=', owner),
              ]),
            ),
        )
        .execute()
      return tx
        .selectFrom('router_queue_leases')
        .select('owner')
        .where('router_id', '=', routerId)
        .executeTakeFirst()
    })
    if (holder?.owner === owner) return true
    if (!wait) return false
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
}

async function release(db: Kysely<Database>, routerId: number, owner: string): Promise<void> {
  await writeTx(db, (tx) =>
    tx
      .deleteFrom('router_queue_leases')
      .where('router_id', '=', routerId)
      .where('owner', '=', owner)
      .execute(),
  )
}
