import { useEffect, useState } from 'react'

/** Whole seconds until an instant (0 once it passed), ticking every second until then. */
export function useCountdown(until: string | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!until) return
    const end = Date.parse(until)
    const timer = setInterval(() => {
      const tick = Date.now()
      setNow(tick)
      if (tick >= end) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [until])
  return until ? Math.max(0, Math.ceil((Date.parse(until) - now) / 1000)) : 0
}
