import type { InFlight } from '@api/in-flight'
import type { UpdateState } from '@shared/updates'

export type { UpdateState }

/**
 * When a desktop looks for, fetches and installs a new version from its host's /updates/ feed.
 * Plain logic: updater.ts plugs electron-updater in as the UpdaterPort.
 * - checks at start and once a day; downloads in the background as soon as one is found;
 * - tells the window "Versi baru tersedia" (with the notes) once it is downloaded;
 * - installs only after the user agrees: at the next quit, or now when they ask, and then only
 *   once no API mutation is running (never in the middle of a cashier's payment).
 */
export interface UpdaterPort {
  /** The newer version the feed offers, or null when this one is current. */
  check(): Promise<{ version: string; releaseNotes: string | null } | null>
  download(): Promise<void>
  /** Install the downloaded version when the app next quits (false: never by itself). */
  installOnQuit(enabled: boolean): void
  /** Quit now, install, start again. */
  restartAndInstall(): void
}

export const CHECK_EVERY_MS = 24 * 60 * 60 * 1000

export interface UpdateFlowDeps {
  updater: UpdaterPort
  inFlight: InFlight
  /** The window hears every change (IPC); also what `state` returns when it asks. */
  publish(state: UpdateState): void
  /** A repeating timer; returns its stop function (setInterval in the app, by hand in tests). */
  every(ms: number, task: () => void): () => void
}

export class UpdateFlow {
  private current: UpdateState = { status: 'current' }
  private stopTimer: (() => void) | null = null

  constructor(private readonly deps: UpdateFlowDeps) {}

  get state(): UpdateState {
    return this.current
  }

  private set(state: UpdateState): void {
    this.current = state
    this.deps.publish(state)
  }

  /** First check now, then daily. Nothing installs by itself until the user agrees. */
  start(): void {
    this.deps.updater.installOnQuit(false)
    this.stopTimer = this.deps.every(CHECK_EVERY_MS, () => void this.check())
    void this.check()
  }

  stop(): void {
    this.stopTimer?.()
    this.stopTimer = null
  }

  async check(): Promise<void> {
    const s = this.current.status
    // One check at a time; a downloaded version waits for its restart.
    if (s === 'checking' || s === 'downloading' || s === 'ready') return
    this.set({ status: 'checking' })
    try {
      const found = await this.deps.updater.check()
      if (!found) return this.set({ status: 'current' })
      this.set({ status: 'downloading', version: found.version, notes: found.releaseNotes })
      await this.deps.updater.download()
      this.set({
        status: 'ready',
        version: found.version,
        notes: found.releaseNotes,
        agreed: false,
        waitingForWork: false,
      })
    } catch (error) {
      // The host may be off or the feed empty: the next daily check tries again.
      this.set({ status: 'failed', reason: error instanceof Error ? error.message : String(error) })
    }
  }

  /** "Pasang saat dibuka lagi": the downloaded version installs when Loket next quits. */
  agree(): void {
    if (this.current.status !== 'ready') return
    this.deps.updater.installOnQuit(true)
    this.set({ ...this.current, agreed: true })
  }

  /** "Mulai ulang sekarang": waits for the running mutations (a payment) to end, then installs. */
  async restartNow(): Promise<void> {
    if (this.current.status !== 'ready') return
    this.agree()
    const ready = this.current
    if (ready.status !== 'ready') return
    while (this.deps.inFlight.count > 0) {
      this.set({ ...ready, agreed: true, waitingForWork: true })
      await this.deps.inFlight.idle()
    }
    this.deps.updater.restartAndInstall()
  }
}
