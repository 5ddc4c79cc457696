import { RouterConnection } from './connection'
import type { ConnectionOptions, RouterTarget } from './types'

function sameTarget(a: RouterTarget, b: RouterTarget): boolean {
  return (
    a.host === b.host &&
    a.port === b.port &&
    a.tls === b.tls &&
    a.username === b.username &&
    a.password === b.password
  )
}

/** One persistent connection per router, keyed by the caller (e.g. the router's id). */
export class RouterPool {
  private readonly entries = new Map<
    string,
    { target: RouterTarget; connection: RouterConnection }
  >()

  constructor(private readonly options: ConnectionOptions = {}) {}

  /** Same key and equal target → the same connection; a changed target replaces (and closes) it. */
  get(key: string, target: RouterTarget): RouterConnection {
    const entry = this.entries.get(key)
    if (entry && sameTarget(entry.target, target) && entry.connection.status !== 'closed') {
      return entry.connection
    }
    if (entry) void entry.connection.close()
    const connection = new RouterConnection(target, this.options)
    this.entries.set(key, { target: { ...target }, connection })
    return connection
  }

  async close(key: string): Promise<void> {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    await entry.connection.close()
  }

  async closeAll(): Promise<void> {
    const entries = [...this.entries.values()]
    this.entries.clear()
    await Promise.all(entries.map((e) => e.connection.close()))
  }

  get size(): number {
    return this.entries.size
  }
}
