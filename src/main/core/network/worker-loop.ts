import type { NetworkDeps } from './deps'
import { runDeviceQueue, type QueueRunOptions } from './worker'

export interface DeviceWorker {
  /** Run soon (jobs were queued); several wakes while a run is going give one more run. */
  wake(): void
  stop(): Promise<void>
}

/**
 * The host's background worker: applies device jobs as soon as they are queued, and every few
 * seconds picks up retries whose time has come. One run at a time; errors are logged and the
 * next tick tries again (a job's own failure is recorded on the job, never thrown here).
 */
export function startDeviceWorker(
  deps: NetworkDeps,
  options: { intervalMs?: number; log?: (message: string) => void; run?: QueueRunOptions } = {},
): DeviceWorker {
  let running: Promise<void> | null = null
  let again = false
  let stopped = false
  const log = options.log ?? ((m: string) => console.error(m))
  const run = () => {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    // A router another runner holds (a person pressed "Terapkan sekarang", the CLI) is left to
    // it: nothing is applied twice, and the next tick looks again.
    running = runDeviceQueue(deps, { ...options.run, wait: false })
      .then(() => undefined)
      .catch((error: unknown) => log(`device queue: ${String(error)}`))
      .finally(() => {
        running = null
        if (again && !stopped) {
          again = false
          setImmediate(run)
        }
      })
  }
  const timer = setInterval(run, options.intervalMs ?? 5000)
  timer.unref()
  setImmediate(run)
  return {
    wake: run,
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
