/** Every piece of core code asks the clock for "now", so tests and the CLI can run as of any day. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock that only moves when told to: the test clock (like Kill Bill's and Stripe's). */
export class ManualClock implements Clock {
  private current: number

  constructor(start: Date | string) {
    this.current = new Date(start).getTime()
  }

  now(): Date {
    return new Date(this.current)
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime()
  }

  advanceMinutes(minutes: number): void {
    this.current += minutes * 60_000
  }

  advanceDays(days: number): void {
    this.current += days * 86_400_000
  }
}

export function isoNow(clock: Clock): string {
  return clock.now().toISOString()
}
