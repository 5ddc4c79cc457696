/**
 * How a desktop in client mode tells its window which host it shows: the main process passes
 * `--loket-client-of=<origin>` to the window (webPreferences.additionalArguments) and the preload
 * exposes it as `window.loketClient` for the status bar. No API bridge crosses in client mode.
 */
const PREFIX = '--loket-client-of='

export interface LoketClientInfo {
  hostUrl: string
}

export function clientArgument(hostUrl: string): string {
  return `${PREFIX}${hostUrl}`
}

export function clientHostFromArgv(argv: readonly string[]): string | null {
  const arg = argv.find((a) => a.startsWith(PREFIX))
  if (!arg) return null
  try {
    const url = new URL(arg.slice(PREFIX.length))
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null
  } catch {
    return null
  }
}
