import { EventEmitter } from 'node:events'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createWhatsappSessions,
  whatsappSessionFolder,
  type WaAuth,
  type WaConnectionUpdate,
  type WaSocket,
  type WhatsappSessions,
} from './baileys-session'
import { messageRows, messagingFixture, numberOf, queueTexts } from './testing'
import { setChannel } from './channels'
import { sendDueMessages } from './sender'

/** Stands in for a baileys socket: the test plays WhatsApp's part by emitting its events. */
class FakeSocket implements WaSocket {
  readonly emitter = new EventEmitter()
  readonly ev = {
    on: (event: string, listener: (arg: unknown) => void) => {
      this.emitter.on(event, listener)
    },
  } as WaSocket['ev']
  user: { id: string } | null = null
  sent: { jid: string; text: string }[] = []
  loggedOut = false
  ended = false

  update(u: WaConnectionUpdate) {
    this.emitter.emit('connection.update', u)
  }

  async sendMessage(jid: string, content: { text: string }) {
    this.sent.push({ jid, text: content.text })
    return { key: { id: `WA${this.sent.length}` } }
  }

  async logout() {
    this.loggedOut = true
  }

  end() {
    this.ended = true
  }
}

const closed = (statusCode: number): WaConnectionUpdate => ({
  connection: 'close',
  lastDisconnect: {
    error: Object.assign(new Error(`closed ${statusCode}`), { output: { statusCode } }),
  },
})

let dataDir: string
let sockets: FakeSocket[]
let auths: WaAuth[]
let sessions: WhatsappSessions

function manager() {
  return createWhatsappSessions({
    dataDir,
    reconnectDelayMs: () => 0,
    log: () => {},
    socketFactory: async (auth) => {
      auths.push(auth)
      const s = new FakeSocket()
      sockets.push(s)
      return s
    },
  })
}

const tick = () => new Promise((r) => setTimeout(r, 20))
async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await tick()
  expect(check()).toBe(true)
}

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'loket-wa-'))
  sockets = []
  auths = []
  sessions = manager()
})
afterEach(async () => {
  await sessions.closeAll()
  rmSync(dataDir, { recursive: true, force: true })
})

const COMPANY = 1
const folder = () => whatsappSessionFolder(dataDir, COMPANY)

/** Link, show a QR, get scanned: the session is connected as 6281234567890. */
async function linked(companyId = COMPANY): Promise<FakeSocket> {
  await sessions.link(companyId)
  const sock = sockets.at(-1)!
  sock.update({ qr: '2@abc,def,ghi' })
  sock.user = { id: '6281234567890:7@s.whatsapp.net' }
  sock.emitter.emit('creds.update', {})
  sock.update({ connection: 'open' })
  return sock
}

describe('WhatsApp Web session (baileys)', () => {
  it('links by QR: connecting, then the QR as a PNG to scan, then connected with the phone', async () => {
    expect(sessions.status(COMPANY)).toMatchObject({ status: 'tidak_tertaut', qr: null })
    expect(await sessions.link(COMPANY)).toMatchObject({ status: 'menghubungkan' })
    sockets[0]!.update({ connection: 'connecting', qr: '2@abc,def,ghi' })
    expect(sessions.status(COMPANY).status).toBe('pindai_qr')
    await until(() => sessions.status(COMPANY).qr !== null)
    expect(sessions.status(COMPANY).qr).toMatch(/^data:image\/png;base64,/)
    sockets[0]!.user = { id: '6281234567890:7@s.whatsapp.net' }
    sockets[0]!.update({ connection: 'open' })
    expect(sessions.status(COMPANY)).toEqual({
      status: 'tersambung',
      qr: null,
      phone: '6281234567890',
      detail: null,
    })
  })

  it('keeps the credentials in the data dir on every update, and a restart reconnects without a scan', async () => {
    await linked()
    await until(() => existsSync(path.join(folder(), 'creds.json')))
    await sessions.closeAll()
    // The host starts again: asking the status resumes the saved session by itself.
    sessions = manager()
    expect(sessions.status(COMPANY).status).toBe('menghubungkan')
    await until(() => sockets.length === 2)
    sockets[1]!.update({ connection: 'open' })
    expect(sessions.status(COMPANY).status).toBe('tersambung')
  })

  it('sends text to 62…@s.whatsapp.net once connected, and refuses before', async () => {
    await expect(sessions.send(COMPANY, '6281298765432', 'Halo')).rejects.toMatchObject({
      kind: 'down',
      code: 'CHANNEL_NOT_LINKED',
    })
    const sock = await linked()
    expect(await sessions.send(COMPANY, '6281298765432', 'Halo')).toEqual({ providerId: 'WA1' })
    expect(sock.sent).toEqual([{ jid: '6281298765432@s.whatsapp.net', text: 'Halo' }])
  })

  it('reconnects when the connection drops, at once after the post-scan restart (515)', async () => {
    await linked()
    sockets[0]!.update(closed(515))
    await until(() => sockets.length === 2)
    sockets[1]!.update({ connection: 'open' })
    sockets[1]!.update(closed(408))
    expect(sessions.status(COMPANY).status).toBe('menghubungkan')
    await until(() => sockets.length === 3)
    // Events from a socket that was replaced change nothing.
    sockets[0]!.update({ connection: 'open' })
    expect(sessions.status(COMPANY).status).toBe('menghubungkan')
    sockets[2]!.update({ connection: 'open' })
    expect(sessions.status(COMPANY).status).toBe('tersambung')
  })

  it('logged out on the phone: the saved session is deleted and nothing reconnects', async () => {
    await linked()
    await until(() => existsSync(path.join(folder(), 'creds.json')))
    sockets[0]!.update(closed(401))
    expect(sessions.status(COMPANY)).toMatchObject({
      status: 'tidak_tertaut',
      detail: 'logged_out',
    })
    expect(existsSync(folder())).toBe(false)
    await tick()
    expect(sockets).toHaveLength(1)
  })

  it('a QR nobody scans stops asking for new ones until "Tautkan" again', async () => {
    await sessions.link(COMPANY)
    sockets[0]!.update({ qr: '2@abc' })
    sockets[0]!.update(closed(408))
    expect(sessions.status(COMPANY)).toMatchObject({
      status: 'tidak_tertaut',
      detail: 'qr_expired',
    })
    await tick()
    expect(sockets).toHaveLength(1)
    await sessions.link(COMPANY)
    expect(sockets).toHaveLength(2)
  })

  it('"Putuskan tautan" logs the phone out and deletes the session folder', async () => {
    const sock = await linked()
    await until(() => existsSync(path.join(folder(), 'creds.json')))
    await sessions.unlink(COMPANY)
    expect(sock.loggedOut).toBe(true)
    expect(existsSync(folder())).toBe(false)
    expect(sessions.status(COMPANY)).toMatchObject({ status: 'tidak_tertaut', phone: null })
  })

  it('the sender sends queued WhatsApp through the linked session, and waits without one', async () => {
    const f = await messagingFixture()
    await setChannel(f.deps, f.actor, { provider: 'baileys' })
    await queueTexts(f, 2)
    // The CLI has no session: baileys messages wait for the host.
    expect(await sendDueMessages(f.deps, { companyId: f.companyId })).toMatchObject({
      sent: 0,
      waiting: 2,
    })
    const sock = await linked(f.companyId)
    const host = { ...f.deps, whatsapp: sessions }
    expect(await sendDueMessages(host, { companyId: f.companyId })).toMatchObject({ sent: 2 })
    expect(sock.sent.map((m) => m.jid)).toEqual([
      `${numberOf(1)}@s.whatsapp.net`,
      `${numberOf(2)}@s.whatsapp.net`,
    ])
    expect((await messageRows(f)).map((r) => r.provider_id)).toEqual(['WA1', 'WA2'])
    // Unlinked: the next message is retried later as "channel down", with the reason.
    await sessions.unlink(f.companyId)
    await queueTexts(f, 1, { from: 3 })
    expect(await sendDueMessages(host, { companyId: f.companyId })).toMatchObject({ retrying: 1 })
    expect((await messageRows(f)).at(-1)).toMatchObject({
      status: 'antri',
      reason: 'channel_down',
      error_detail: expect.stringContaining('belum tertaut'),
    })
  })
})
