/** One reply row: RouterOS sends every value as a string (`true`/`false`, `10M/10M`, `1d2h`). */
export type RouterRow = Record<string, string>

/** Command attributes: booleans become 'yes'/'no'; null/undefined are left out; '' is sent as is (`=once=`). */
export type RouterAttrs = Record<string, string | number | boolean | null | undefined>

export interface RouterTarget {
  host: string
  port: number
  tls: boolean
  username: string
  password: string
}

export interface RunOptions {
  /** Sent as `?key=value` queries (print only). */
  where?: Record<string, string>
  /** Sent as `=.proplist=a,b,c`. */
  proplist?: string[]
  /** Overrides the connection's timeoutMs for this command. */
  timeoutMs?: number
}

/** What the rest of the app uses: run one command, get its rows. */
export interface RouterApi {
  /** Resolves with the !re rows; `add` resolves [{ ret: '*1A' }]; an empty print resolves []. A !trap rejects with RouterError kind 'trap'. */
  run(command: string, attrs?: RouterAttrs, options?: RunOptions): Promise<RouterRow[]>
}

export interface ConnectionOptions {
  /** Per command, and for connect + login together. Default 10_000. */
  timeoutMs?: number
  /** Most commands in flight on one connection; the rest wait FIFO. Default 64. */
  window?: number
  /** After this long without traffic a cheap command checks the router is still there. Default 20_000. */
  keepaliveMs?: number
  /** Spacing of reconnect attempts after a failed connect. Default 500..30_000. */
  backoff?: { minMs: number; maxMs: number }
}

export type ConnectionStatus = 'idle' | 'connecting' | 'ready' | 'backoff' | 'closed'
