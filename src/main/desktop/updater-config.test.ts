// electron-updater's own YAML reading (js-yaml's load), the same it applies to app-update.yml.
import { parseUpdateInfo } from 'electron-updater/out/providers/Provider'
import { describe, expect, it } from 'vitest'
import { updaterConfigYaml } from './updater-config'

describe('app-update.yml written by the desktop', () => {
  it('reads back as the generic provider on the host feed', () => {
    const yaml = updaterConfigYaml('http://192.168.1.10:8080/updates/')
    expect(parseUpdateInfo(yaml, 'app-update.yml', new URL('file:///app-update.yml'))).toEqual({
      provider: 'generic',
      url: 'http://192.168.1.10:8080/updates/',
      useMultipleRangeRequest: false,
      updaterCacheDirName: 'loket-updater',
    })
  })
})
