import type { AutopilotDeps } from '../collections'
import type { Db } from '../db'
import { startJob, type JobRunRequest } from './run-job'
import { JOBS, type JobRegistry } from './registry'

// Runs still going per database, so whoever closes the database waits for them first.
const inFlight = new WeakMap<Db, Set<Promise<unknown>>>()

/** Remembers a run's promise until it settles; `jobRunsSettled` waits for all of them. */
export function trackRun(db: Db, run: Promise<unknown>): void {
  let runs = inFlight.get(db)
  if (!runs) inFlight.set(db, (runs = new Set()))
  const tracked = run.then(
    () => undefined,
    (error: unknown) => console.error(`job run: ${String(error)}`),
  )
  runs.add(tracked)
  void tracked.finally(() => runs.delete(tracked))
}

/**
 * "Jalankan sekarang": records the run and returns its id at once; the job goes on in the
 * background (the page polls the run). The host waits for it before closing the database.
 */
export async function startJobInBackground(
  deps: AutopilotDeps,
  req: JobRunRequest,
  registry: JobRegistry = JOBS,
): Promise<{ runId: number }> {
  const { runId, done } = await startJob(deps, req, registry)
  trackRun(deps.db, done)
  return { runId }
}

/** Resolves once every run started on this database has been recorded as done or failed. */
export async function jobRunsSettled(db: Db): Promise<void> {
  for (;;) {
    const runs = [...(inFlight.get(db) ?? [])]
    if (runs.length === 0) return
    await Promise.all(runs)
  }
}
