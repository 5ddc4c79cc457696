import { contextBridge, ipcRenderer } from 'electron'
import { clientHostFromArgv } from '@shared/client-mode'
import { createBridge } from './bridge'

// A client's window shows the host's pages, which call the host over HTTP: it gets no bridge to
// this PC's main process (there is no database behind it), only the host it shows.
const clientOf = clientHostFromArgv(process.argv)
if (clientOf) contextBridge.exposeInMainWorld('loketClient', Object.freeze({ hostUrl: clientOf }))
else contextBridge.exposeInMainWorld('loket', createBridge(ipcRenderer))
