import { describe, expect, it } from 'vitest'
import { isNetworkPath } from './network-path'

const win = (drives: string[] = []) => ({ platform: 'win32' as const, networkDrives: () => drives })
const linux = (mounts: string[]) => ({ platform: 'linux' as const, mounts: () => mounts })

describe('data directory on a network path', () => {
  it.each(['\\\\server\\share\\loket', '//server/share/loket', '\\\\?\\UNC\\server\\share'])(
    'UNC path %s is a network path',
    (p) => expect(isNetworkPath(p, win())).toBe(true),
  )

  it('a local long path (\\\\?\\C:\\…) is not', () => {
    expect(isNetworkPath('\\\\?\\C:\\Loket\\data', win())).toBe(false)
  })

  it('a mapped network drive is, a local drive is not', () => {
    expect(isNetworkPath('Z:\\Loket\\data', win(['Z:']))).toBe(true)
    expect(isNetworkPath('C:\\Users\\kasir\\AppData\\Loket', win(['Z:']))).toBe(false)
  })

  it('on Linux, the mount of the deepest matching mount point decides', () => {
    const mounts = [
      '/dev/sda1 / ext4 rw 0 0',
      'kantor:/srv /mnt/kantor nfs4 rw 0 0',
      '//pc/share /mnt/smb cifs rw 0 0',
    ]
    expect(isNetworkPath('/mnt/kantor/loket', linux(mounts))).toBe(true)
    expect(isNetworkPath('/mnt/smb', linux(mounts))).toBe(true)
    expect(isNetworkPath('/home/loket/data', linux(mounts))).toBe(false)
    expect(isNetworkPath('/mnt/kantorlain', linux(mounts))).toBe(false)
  })
})
