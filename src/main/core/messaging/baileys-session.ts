import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import QRCode from 'qrcode'
import type { WhatsappLinkStatus } from '@shared/schemas'
import { baileysAuthState, baileysSocket } from './baileys-socket'
import { SendError } from './transports/types'

/** What of a baileys socket Loket uses; tests stand in a small EventEmitter for it. */
export interface WaSocket {
  ev: {
    on(event: 'connection.update', listener: (update: WaConnectionUpdate) => void): void
    on(event: 'creds.update', listener: (creds: unknown) => void): void
  }
  user?: { id: string } | null
  sendMessage(
    jid: string,
    content: { text: string },
  ): Promise<{ key?: { id?: string | null } } | undefined>
  logout(message?: string): Promise<void>
  end(error: Error | undefined): unknown
}

export interface WaConnectionUpdate {
  connection?: 'open' | 'connecting' | 'close'
  qr?: string
  lastDisconnect?: { error?: unknown }
}

/** The multi-file auth state: `saveCreds` writes creds.json into the session folder. */
export interface WaAuth {
  state: unknown
  saveCreds(): Promise<void>
}

export type WaSocketFactory = (auth: WaAuth) => Promise<WaSocket>

export interface WhatsappSessionView {
  status: WhatsappLinkStatus
  /** The QR to scan as a PNG data URL, while pairing. */
  qr: string | null
  /** The linked phone's number (62…), once connected. */
  phone: string | null
  /** Why the session stopped: logged_out (unlinked on the phone), qr_expired, or the error. */
  detail: string | null
}

export interface WhatsappSessions {
  /** Starts pairing (a QR comes) or reconnects a saved session; returns at once. */
  link(companyId: number): Promise<WhatsappSessionView>
  status(companyId: number): WhatsappSessionView
  /** Logs the phone out and deletes the saved credentials. */
  unlink(companyId: number): Promise<void>
  send(companyId: number, phone: string, text: string): Promise<{ providerId: string | null }>
  /** Closes sockets without logging out (host shutdown): the saved session stays linked. */
  closeAll(): Promise<void>
}

export interface WhatsappSessionOptions {
  dataDir: string
  socketFactory?: WaSocketFactory
  authState?: (folder: string) => Promise<WaAuth>
  /** Delay before reconnect attempt n (0-based). */
  reconnectDelayMs?: (attempt: number) => number
  log?: (message: string) => void
}

// baileys' DisconnectReason codes (kept here so loading Loket does not load baileys).
const LOGGED_OUT = 401
const TIMED_OUT = 408
const RESTART_REQUIRED = 515

interface Session {
  status: WhatsappLinkStatus
  qr: string | null
  phone: string | null
  detail: string | null
  sock: WaSocket | null
  timer: NodeJS.Timeout | null
  attempt: number
  /** Bumped on every new socket, unlink and close: events of an older socket are ignored. */
  generation: number
}

/** The session folder of a company: inside the data dir, beside the database it belongs to. */
export function whatsappSessionFolder(dataDir: string, companyId: number): string {
  return path.join(dataDir, 'whatsapp-session', String(companyId))
}

/**
 * One WhatsApp Web session per company (baileys): pairs by QR, keeps its credentials in the data
 * directory (saved on every update, so a restart does not ask for a new scan), reconnects when
 * the connection drops, and stops for good only when the phone logs it out.
 */
export function createWhatsappSessions(options: WhatsappSessionOptions): WhatsappSessions {
  const sessions = new Map<number, Session>()
  const log = options.log ?? ((m: string) => console.error(m))
  const factory = options.socketFactory ?? baileysSocket
  const loadAuth = options.authState ?? baileysAuthState
  const delay = options.reconnectDelayMs ?? ((n: number) => Math.min(60_000, 1000 * 2 ** n))
  const folderOf = (companyId: number) => whatsappSessionFolder(options.dataDir, companyId)
  const hasCreds = (companyId: number) => existsSync(path.join(folderOf(companyId), 'creds.json'))

  function sessionOf(companyId: number): Session {
    let s = sessions.get(companyId)
    if (!s) {
      s = {
        status: 'tidak_tertaut',
        qr: null,
        phone: null,
        detail: null,
        sock: null,
        timer: null,
        attempt: 0,
        generation: 0,
      }
      sessions.set(companyId, s)
    }
    return s
  }

  const view = (s: Session): WhatsappSessionView => ({
    status: s.status,
    qr: s.qr,
    phone: s.phone,
    detail: s.detail,
  })

  function stopSocket(s: Session) {
    s.generation++
    if (s.timer) clearTimeout(s.timer)
    s.timer = null
    const sock = s.sock
    s.sock = null
    if (sock) {
      try {
        sock.end(undefined)
      } catch {
        // already closed
      }
    }
  }

  async function start(companyId: number, s: Session): Promise<void> {
    const generation = ++s.generation
    s.status = 'menghubungkan'
    s.qr = null
    try {
      const auth = await loadAuth(folderOf(companyId))
      if (generation !== s.generation) return
      const sock = await factory(auth)
      if (generation !== s.generation) {
        sock.end(undefined)
        return
      }
      s.sock = sock
      sock.ev.on('creds.update', () => {
        auth.saveCreds().catch((e: unknown) => log(`whatsapp creds: ${String(e)}`))
      })
      sock.ev.on('connection.update', (u) => {
        if (generation === s.generation) onUpdate(companyId, s, sock, generation, u)
      })
    } catch (error) {
      if (generation !== s.generation) return
      s.detail = error instanceof Error ? error.message : String(error)
      reconnect(companyId, s)
    }
  }

  function reconnect(companyId: number, s: Session, immediately = false) {
    s.status = 'menghubungkan'
    s.sock = null
    const wait = immediately ? 0 : delay(s.attempt++)
    const generation = s.generation
    s.timer = setTimeout(() => {
      s.timer = null
      if (generation === s.generation) void start(companyId, s)
    }, wait)
    s.timer.unref?.()
  }

  function onUpdate(
    companyId: number,
    s: Session,
    sock: WaSocket,
    generation: number,
    u: WaConnectionUpdate,
  ) {
    if (u.qr) {
      const qr = u.qr
      s.status = 'pindai_qr'
      QRCode.toDataURL(qr, { margin: 1, width: 280 })
        .then((url) => {
          if (generation === s.generation && s.status === 'pindai_qr') s.qr = url
        })
        .catch((e: unknown) => log(`whatsapp qr: ${String(e)}`))
    }
    if (u.connection === 'open') {
      s.status = 'tersambung'
      s.qr = null
      s.detail = null
      s.attempt = 0
      s.phone = sock.user?.id ? sock.user.id.split(/[:@]/)[0]! : null
    } else if (u.connection === 'close') {
      const code = disconnectCode(u.lastDisconnect?.error)
      const pairing = s.status === 'pindai_qr'
      s.generation++
      s.sock = null
      s.qr = null
      if (code === LOGGED_OUT) {
        rmSync(folderOf(companyId), { recursive: true, force: true })
        Object.assign(s, { status: 'tidak_tertaut', phone: null, detail: 'logged_out' })
      } else if (pairing && code === TIMED_OUT) {
        // Nobody scanned: stop asking WhatsApp for new codes until the admin presses "Tautkan".
        rmSync(folderOf(companyId), { recursive: true, force: true })
        Object.assign(s, { status: 'tidak_tertaut', detail: 'qr_expired' })
      } else {
        s.detail = errorText(u.lastDisconnect?.error)
        // 515 comes right after a successful scan: WhatsApp wants a fresh connection at once.
        reconnect(companyId, s, code === RESTART_REQUIRED)
      }
    }
  }

  function resume(companyId: number): Session {
    const s = sessionOf(companyId)
    if (s.status === 'tidak_tertaut' && !s.sock && !s.timer && hasCreds(companyId)) {
      s.status = 'menghubungkan'
      void start(companyId, s)
    }
    return s
  }

  return {
    async link(companyId) {
      const s = sessionOf(companyId)
      if (s.status === 'tidak_tertaut') {
        s.detail = null
        s.attempt = 0
        await start(companyId, s)
      }
      return view(s)
    },
    status(companyId) {
      return view(resume(companyId))
    },
    async unlink(companyId) {
      const s = sessionOf(companyId)
      const sock = s.sock
      s.sock = null
      stopSocket(s)
      if (sock) {
        try {
          await sock.logout()
        } catch (error) {
          log(`whatsapp logout: ${String(error)}`)
        }
        try {
          sock.end(undefined)
        } catch {
          // already closed by logout
        }
      }
      rmSync(folderOf(companyId), { recursive: true, force: true })
      Object.assign(s, { status: 'tidak_tertaut', qr: null, phone: null, detail: null })
    },
    async send(companyId, phone, text) {
      const s = resume(companyId)
      if (s.status !== 'tersambung' || !s.sock)
        throw new SendError('down', `WhatsApp belum tertaut (${s.status})`, 'CHANNEL_NOT_LINKED')
      try {
        const sent = await s.sock.sendMessage(`${phone}@s.whatsapp.net`, { text })
        return { providerId: sent?.key?.id ?? null }
      } catch (error) {
        throw new SendError('down', errorText(error) ?? 'gagal mengirim lewat WhatsApp Web')
      }
    },
    async closeAll() {
      for (const s of sessions.values()) {
        stopSocket(s)
        if (s.status !== 'tidak_tertaut') s.status = 'tidak_tertaut'
      }
      sessions.clear()
    },
  }
}

function disconnectCode(error: unknown): number | null {
  const e = error as { output?: { statusCode?: number } } | undefined
  return typeof e?.output?.statusCode === 'number' ? e.output.statusCode : null
}

function errorText(error: unknown): string | null {
  if (!error) return null
  return error instanceof Error ? error.message : String(error)
}
