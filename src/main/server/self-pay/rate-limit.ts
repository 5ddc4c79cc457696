/**
 * Requests per address in a fixed window, kept in memory: the self-service pages have no
 * account to count against, and an isolated network may hold many browsers behind one router.
 */
export function rateLimiter(limit: number, windowMs: number, now: () => number) {
  const windows = new Map<string, { start: number; count: number }>()
  return (key: string): boolean => {
    const at = now()
    // Old windows go when the map grows: a flood from many addresses cannot fill memory.
    if (windows.size > 10_000) {
      for (const [k, w] of windows) if (at - w.start >= windowMs) windows.delete(k)
    }
    const w = windows.get(key)
    if (!w || at - w.start >= windowMs) {
      windows.set(key, { start: at, count: 1 })
      return true
    }
    w.count++
    return w.count <= limit
  }
}
