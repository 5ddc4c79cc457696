import type { MessagingDeps } from './deps'
import { sendDueMessages } from './sender'

export interface MessageSender {
  /** Send soon (messages were queued); several wakes while a run is going give one more run. */
  wake(): void
  /**
   * Send the urgent messages (one-time codes) now, in a run of their own beside any run already
   * going: a reminder batch being sent never delays a sign-in code.
   */
  wakeUrgent(): void
  stop(): Promise<void>
}

export interface MessageSenderOptions {
  /** How often due messages are looked for: retries whose time came, a rate window that freed. */
  tickMs?: number
  /** The companies to send for; default every company in the database. */
  companies?: () => Promise<number[]>
  /** False skips a company this round (its `messages` job is paused on the Jadwal page). */
  shouldRun?: (companyId: number) => Promise<boolean>
  log?: (message: string) => void
}

/**
 * The host's background sender: runs the outbox as soon as messages are queued, and every few
 * seconds so rate-limited messages go out as the window frees and retries go out when due. One
 * run at a time; a failure is logged and the next tick tries again (a message's own failure is
 * recorded on the message, never thrown here).
 */
export function startMessageSender(
  deps: MessagingDeps,
  options: MessageSenderOptions = {},
): MessageSender {
  let running: Promise<void> | null = null
  let again = false
  let stopped = false
  const log = options.log ?? ((m: string) => console.error(m))
  const companies =
    options.companies ??
    (async () => (await deps.db.selectFrom('companies').select('id').execute()).map((c) => c.id))
  const runAll = async () => {
    for (const companyId of await companies()) {
      if (stopped) return
      if (options.shouldRun && !(await options.shouldRun(companyId))) continue
      try {
        await sendDueMessages(deps, { companyId })
      } catch (error) {
        log(`message sender (company ${companyId}): ${String(error)}`)
      }
    }
  }
  const run = () => {
    if (stopped) return
    if (running) {
      again = true
      return
    }
    running = runAll()
      .catch((error: unknown) => log(`message sender: ${String(error)}`))
      .finally(() => {
        running = null
        if (again && !stopped) {
          again = false
          setImmediate(run)
        }
      })
  }
  // Urgent runs ignore the paused `messages` job: pausing reminders must not lock staff out.
  let urgentRunning: Promise<void> | null = null
  let urgentAgain = false
  const runUrgent = () => {
    if (stopped) return
    if (urgentRunning) {
      urgentAgain = true
      return
    }
    urgentRunning = (async () => {
      for (const companyId of await companies()) {
        if (stopped) return
        await sendDueMessages(deps, { companyId }, { urgentOnly: true }).catch((error: unknown) =>
          log(`urgent message sender (company ${companyId}): ${String(error)}`),
        )
      }
    })()
      .catch((error: unknown) => log(`urgent message sender: ${String(error)}`))
      .finally(() => {
        urgentRunning = null
        if (urgentAgain && !stopped) {
          urgentAgain = false
          setImmediate(runUrgent)
        }
      })
  }
  const timer = setInterval(run, options.tickMs ?? 5000)
  timer.unref()
  setImmediate(run)
  return {
    wake: run,
    wakeUrgent: runUrgent,
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
      await urgentRunning
    },
  }
}
