import { networkInterfaces } from 'node:os'
import QRCode from 'qrcode'
import { AppError } from '@shared/errors'
import type { ModeSettings } from '@shared/schemas'
import { appendAudit, type Actor } from '../audit'
import type { CoreDeps } from '../deps'
import { writeTx } from '../db'
import { lanUrls, type Listener } from './lan-addresses'
import { browseHosts, type FoundHost, type MdnsOptions } from './lan-discovery'
import { readModeFile, writeModeFile } from './mode-file'

export interface ModeDeps extends CoreDeps {
  dataDir?: string
  version: string
  listener?: Listener
  mdns?: MdnsOptions
}

export interface LanAddress {
  url: string
  /** A PNG data URL of `url`, for a phone's camera. */
  qr: string
}

export interface ModeInfo {
  /** What mode.json says: this process runs as a host, the next start may not. */
  saved: ModeSettings
  /** Why mode.json could not be used, when it could not. */
  problem: string | null
  version: string
  /** The port the host serves on, and its LAN addresses (none when it serves this PC only). */
  port: number | null
  lan: LanAddress[]
}

function dataDirOf(deps: ModeDeps): string {
  if (!deps.dataDir) throw new AppError('INTERNAL', 'the host has no data directory')
  return deps.dataDir
}

export async function getModeInfo(deps: ModeDeps): Promise<ModeInfo> {
  const read = readModeFile(dataDirOf(deps))
  const urls = deps.listener ? lanUrls(networkInterfaces(), deps.listener) : []
  const lan = await Promise.all(
    // The same QR pattern as the WhatsApp pairing code (baileys-session.ts).
    urls.map(async (url) => ({ url, qr: await QRCode.toDataURL(url, { margin: 1, width: 220 }) })),
  )
  return {
    saved: read.settings,
    problem: read.problem,
    version: deps.version,
    port: deps.listener?.port ?? null,
    lan,
  }
}

/**
 * Saves the mode for the next start (the running host keeps serving until it restarts). Audited
 * in the same transaction: if the file cannot be written, no audit entry claims it was.
 */
export async function saveMode(
  deps: ModeDeps,
  actor: Actor & { companyId: number },
  input: ModeSettings,
): Promise<ModeSettings> {
  const dataDir = dataDirOf(deps)
  const before = readModeFile(dataDir).settings
  return writeTx(deps.db, async (tx) => {
    await appendAudit(tx, deps.clock, actor, {
      action: 'company.mode',
      entityType: 'company',
      entityId: actor.companyId,
      before,
      after: input,
    })
    return writeModeFile(dataDir, input)
  })
}

/** "Cari host di jaringan": Loket hosts that answer on the LAN within 3 s, this one left out. */
export async function discoverHosts(deps: ModeDeps): Promise<FoundHost[]> {
  const own = new Set(deps.listener ? lanUrls(networkInterfaces(), deps.listener) : [])
  const found = await browseHosts(3000, deps.mdns)
  return found.filter((h) => !own.has(h.url))
}
