/** RouterOS value formats: durations, yes/no flags, rates. */

const UNIT_SECONDS: Record<string, number> = {
  w: 604_800,
  d: 86_400,
  h: 3_600,
  m: 60,
  s: 1,
  ms: 0.001,
}
const DURATION_TOKEN = /\s*(?:(\d+):(\d{1,2}):(\d{1,2})(?:\.(\d+))?|(\d+)(ms|w|d|h|m|s))/y

/**
 * Seconds in a RouterOS duration: '01:22:53', '2d3h15m42s', '1w2d03:04:05', '45s', '500ms'.
 * NaN when the text is not a duration (including '').
 */
export function parseUptime(value: string): number {
  const text = value.trim()
  if (!text) return Number.NaN
  let total = 0
  let pos = 0
  DURATION_TOKEN.lastIndex = 0
  while (pos < text.length) {
    DURATION_TOKEN.lastIndex = pos
    const m = DURATION_TOKEN.exec(text)
    if (!m) return Number.NaN
    if (m[1] !== undefined) {
      total += Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])
      if (m[4]) total += Number(`0.${m[4]}`)
    } else {
      total += Number(m[5]) * UNIT_SECONDS[m[6]!]!
    }
    pos = DURATION_TOKEN.lastIndex
  }
  return total
}

/** RouterOS answers flags as 'true'/'false' (API) or 'yes'/'no' (what we send). */
export function parseRouterBool(value: string | undefined): boolean {
  if (value === undefined) return false
  const v = value.trim().toLowerCase()
  return v === 'true' || v === 'yes'
}

const RATE = /^(\d+(?:\.\d+)?)([kKMG]?)$/
const RATE_UNIT: Record<string, number> = { '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9 }

/** Bits per second in '10M', '512k', '1.5M', '10000000'; NaN otherwise. RouterOS's k is 1000. */
export function parseBitRate(value: string): number {
  const m = RATE.exec(value.trim())
  if (!m) return Number.NaN
  return Math.round(Number(m[1]) * RATE_UNIT[m[2]!]!)
}

export interface RateLimit {
  /** What the router receives from the client: the client's upload. */
  rx: number
  /** What the router sends to the client: the client's download. */
  tx: number
}

/**
 * The base pair of a rate-limit / max-limit ('10M/5M', '10M/10M 20M/20M 8M/8M 10/10 8', '2M').
 * rx/tx are from the router's side (rx = the client's upload); a lone value applies to both.
 * null when empty or unparseable.
 */
export function parseRateLimit(value: string | undefined): RateLimit | null {
  const first = value?.trim().split(/\s+/)[0]
  if (!first) return null
  const [rxText, txText = rxText] = first.split('/')
  const rx = parseBitRate(rxText!)
  const tx = parseBitRate(txText!)
  if (Number.isNaN(rx) || Number.isNaN(tx)) return null
  return { rx, tx }
}

/** Every part of a rate-limit in bits per second and seconds, with RouterOS's defaults filled in. */
export interface FullRateLimit extends RateLimit {
  burstRx: number
  burstTx: number
  thresholdRx: number
  thresholdTx: number
  timeRx: number
  timeTx: number
}

/**
 * `rx/tx [burst-rx/burst-tx [threshold-rx/threshold-tx [time-rx/time-tx [priority [min]]]]]` as
 * MikroTik documents it: a missing tx is rx; no burst is 0; a burst without a threshold uses the
 * rate as threshold; a burst without a time lasts 1s. Priority and minimum rate are not compared.
 * null when empty or unparseable.
 */
export function parseFullRateLimit(value: string | undefined): FullRateLimit | null {
  const parts = value?.trim().split(/\s+/).filter(Boolean) ?? []
  const base = parseRateLimit(parts[0])
  if (!base) return null
  const pair = (text: string | undefined, parse: (s: string) => number, fallback: RateLimit) => {
    if (!text) return fallback
    const [rx, tx = rx] = text.split('/')
    const out = { rx: parse(rx!), tx: parse(tx!) }
    return Number.isNaN(out.rx) || Number.isNaN(out.tx) ? null : out
  }
  const burst = pair(parts[1], parseBitRate, { rx: 0, tx: 0 })
  const bursting = burst !== null && (burst.rx > 0 || burst.tx > 0)
  const threshold = pair(parts[2], parseBitRate, bursting ? base : { rx: 0, tx: 0 })
  const time = pair(parts[3], parseUptime, bursting ? { rx: 1, tx: 1 } : { rx: 0, tx: 0 })
  if (!burst || !threshold || !time) return null
  return {
    ...base,
    burstRx: burst.rx,
    burstTx: burst.tx,
    thresholdRx: bursting ? threshold.rx : 0,
    thresholdTx: bursting ? threshold.tx : 0,
    timeRx: bursting ? time.rx : 0,
    timeTx: bursting ? time.tx : 0,
  }
}
