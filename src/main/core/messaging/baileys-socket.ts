import type { WaAuth, WaSocket } from './baileys-session'

/**
 * The real baileys, loaded only when a company links WhatsApp Web: the library and its signal
 * and protobuf code stay out of every start of the host and the CLI that does not need them.
 */
export async function baileysAuthState(folder: string): Promise<WaAuth> {
  const { useMultiFileAuthState } = await import('baileys')
  return useMultiFileAuthState(folder)
}

/** baileys logs through pino at length; the session's state is what Loket shows instead. */
const silentLogger = {
  level: 'silent',
  child() {
    return silentLogger
  },
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error() {},
}

export async function baileysSocket(auth: WaAuth): Promise<WaSocket> {
  const baileys = await import('baileys')
  let version: [number, number, number] | undefined
  try {
    version = (await baileys.fetchLatestBaileysVersion()).version
  } catch {
    // Offline: baileys' built-in version is used.
  }
  const sock = baileys.default({
    auth: auth.state as Parameters<typeof baileys.default>[0]['auth'],
    logger: silentLogger,
    browser: baileys.Browsers.ubuntu('Loket'),
    markOnlineOnConnect: false,
    syncFullHistory: false,
    ...(version ? { version } : {}),
  })
  return sock as unknown as WaSocket
}
