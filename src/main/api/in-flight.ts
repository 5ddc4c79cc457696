/**
 * How many API mutations (a payment, an invoice run, an edit…) the host is carrying out right
 * now. The desktop's updater installs a new version only when this is zero, so a restart never
 * cuts a cashier's payment in half.
 */
export interface InFlight {
  readonly count: number
  begin(): void
  end(): void
  /** Resolves at once when nothing is in flight, else when the last call in flight ends. */
  idle(): Promise<void>
}

export function createInFlight(): InFlight {
  let count = 0
  let waiters: (() => void)[] = []
  return {
    get count() {
      return count
    },
    begin() {
      count++
    },
    end() {
      count = Math.max(0, count - 1)
      if (count === 0) {
        const ready = waiters
        waiters = []
        for (const resolve of ready) resolve()
      }
    },
    idle() {
      return count === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))
    },
  }
}
