import { useEffect, useState } from 'react'

/** Whole seconds until an instant (0 once it passed), ticking every second. */
export function useCountdown(until: string | null): number {
  const left = () => (until ? Math.max(0, Math.ceil((Date.parse(until) - Date.now()) / 1000)) : 0)
  const [seconds, setSeconds] = useState(left)
  useEffect(() => {
    setSeconds(left())
    if (!until) return
    const timer = setInterval(() => setSeconds(left()), 1000)
    return () => clearInterval(timer)
    // `left` reads only `until`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [until])
  return seconds
}
