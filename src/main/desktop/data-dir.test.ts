import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { desktopDataDir } from './data-dir'

describe('desktop data directory', () => {
  it('is one folder for the whole PC in an installed Windows Loket, outside the install folder', () => {
    const dir = desktopDataDir({
      platform: 'win32',
      isPackaged: true,
      userData: 'C:\\Users\\kasir\\AppData\\Roaming\\Loket',
      env: { ProgramData: 'D:\\ProgramData' },
    })
    expect(dir).toBe('D:\\ProgramData\\Loket\\data')
    expect(dir).not.toMatch(/Program Files|AppData/)
  })

  it('is the same for every Windows account signing in to the host PC', () => {
    const forUser = (user: string) =>
      desktopDataDir({
        platform: 'win32',
        isPackaged: true,
        userData: `C:\\Users\\${user}\\AppData\\Roaming\\Loket`,
        env: {},
      })
    expect(forUser('kasir')).toBe('C:\\ProgramData\\Loket\\data')
    expect(forUser('pemilik')).toBe(forUser('kasir'))
  })

  it('stays in the per-user folder for `npm run dev` and on other platforms', () => {
    const userData = path.join('/home/dev/.config', 'Loket')
    const want = path.join(userData, 'data')
    expect(desktopDataDir({ platform: 'win32', isPackaged: false, userData, env: {} })).toBe(want)
    expect(desktopDataDir({ platform: 'linux', isPackaged: true, userData, env: {} })).toBe(want)
  })
})
