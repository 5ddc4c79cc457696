import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { app } from 'electron'
import electronUpdater from 'electron-updater'
import type { InFlight } from '@api/in-flight'
import { UpdateFlow } from './update-flow'
import { updaterConfigYaml } from './updater-config'
import { electronUpdaterPort } from './updater-port'

/**
 * electron-updater plugged into UpdateFlow: the generic provider on the host's /updates/ feed,
 * never the internet. A host desktop reads its own feed (served on its LAN port); a client
 * desktop will read its host's. No automatic download or install: UpdateFlow decides.
 */
export function startDesktopUpdates(options: { feedUrl: string; inFlight: InFlight }): UpdateFlow {
  const { autoUpdater } = electronUpdater
  const configFile = path.join(app.getPath('userData'), 'app-update.yml')
  writeFileSync(configFile, updaterConfigYaml(options.feedUrl))
  autoUpdater.updateConfigPath = configFile
  autoUpdater.setFeedURL({
    provider: 'generic',
    url: options.feedUrl,
    // The host serves one range per request (@fastify/send); the differential download then
    // asks block by block instead of in one multipart request.
    useMultipleRangeRequest: false,
  })
  autoUpdater.autoDownload = false
  const port = electronUpdaterPort(autoUpdater)
  const flow = new UpdateFlow({
    updater: port,
    inFlight: options.inFlight,
    publish: (state) => console.log(`[updates] ${state.status}`),
    every: (ms, task) => {
      const timer = setInterval(task, ms)
      return () => clearInterval(timer)
    },
  })
  flow.start()
  return flow
}
