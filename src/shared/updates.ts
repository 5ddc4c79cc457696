/** Where a desktop's update stands (see src/main/desktop/update-flow.ts), as the window shows it. */
export type UpdateState =
  | { status: 'current' }
  | { status: 'checking' }
  | { status: 'downloading'; version: string; notes: string | null }
  | {
      status: 'ready'
      version: string
      notes: string | null
      /** The user said yes: installed at the next restart. */
      agreed: boolean
      /** "Restart now" is waiting for the mutations in flight to end. */
      waitingForWork: boolean
    }
  | { status: 'failed'; reason: string }

/** What the API offers the window about its desktop's update; absent in a LAN browser. */
export interface DesktopUpdates {
  readonly state: UpdateState
  agree(): void
  restartNow(): Promise<void>
}
