import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import path from 'node:path'

/**
 * SQLite must never be opened over a network share: its locking does not survive SMB/NFS and
 * several PCs writing one file corrupt it. Recognised: UNC paths (\\host\share, //host/share,
 * \\?\UNC\…), Windows drive letters mapped to a share, and on Linux/macOS a path whose mount is a
 * network file system.
 */
export interface NetworkPathProbe {
  platform: NodeJS.Platform
  /** Drive letters (upper case, "Z:") that Windows reports as network drives. */
  networkDrives?: () => string[]
  /** Mount table lines as in /proc/mounts. */
  mounts?: () => string[]
}

const NETWORK_FS = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smbfs',
  'smb3',
  'sshfs',
  'fuse.sshfs',
  'afpfs',
  'ncpfs',
  'davfs',
  'fuse.davfs2',
  '9p',
])

export function isNetworkPath(dir: string, probe: NetworkPathProbe = defaultProbe()): boolean {
  if (/^(\\\\|\/\/)(?![?.][\\/](?!UNC))/i.test(dir) || /^\\\\\?\\UNC\\/i.test(dir)) return true
  if (probe.platform === 'win32') {
    const drive = /^([a-z]):/i.exec(dir)?.[1]
    if (!drive) return false
    return (probe.networkDrives?.() ?? []).includes(`${drive.toUpperCase()}:`)
  }
  const lines = probe.mounts?.() ?? []
  const abs = path.posix.resolve(dir)
  let best: { mountPoint: string; fsType: string } | null = null
  for (const line of lines) {
    const [, mountPoint, fsType] = line.split(/\s+/)
    if (!mountPoint || !fsType) continue
    const mp = mountPoint.replace(/\\040/g, ' ')
    const inside = abs === mp || abs.startsWith(mp.endsWith('/') ? mp : `${mp}/`)
    if (inside && (!best || mp.length > best.mountPoint.length)) best = { mountPoint: mp, fsType }
  }
  return best ? NETWORK_FS.has(best.fsType) : false
}

function defaultProbe(): NetworkPathProbe {
  return {
    platform: process.platform,
    networkDrives: () => {
      try {
        // DriveType 4 = network drive. PowerShell ships with every supported Windows.
        const out = execFileSync(
          'powershell.exe',
          [
            '-NoProfile',
            '-Command',
            'Get-CimInstance Win32_LogicalDisk -Filter "DriveType=4" | % DeviceID',
          ],
          { encoding: 'utf8', timeout: 5000, windowsHide: true },
        )
        return out
          .split(/\r?\n/)
          .map((s) => s.trim().toUpperCase())
          .filter(Boolean)
      } catch {
        return []
      }
    },
    mounts: () => {
      try {
        return readFileSync('/proc/mounts', 'utf8').split('\n')
      } catch {
        return []
      }
    },
  }
}
