import { app, session, shell, type WebContents } from 'electron'
import { ALLOWED_PERMISSIONS, contentSecurityPolicy, isExternalHttpsUrl } from './web-policy'

export interface HardenOptions {
  isTrusted: (url: string) => boolean
  devServerUrl: string | undefined
}

/**
 * Rules for every web page the app ever creates (the checklist in Electron's security guide):
 * no webviews, no navigation away from our renderer, no new windows, a CSP on http(s) pages and
 * no permissions beyond writing the clipboard. Call before the first window opens.
 */
export function hardenApp(options: HardenOptions): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, options.isTrusted))

  const csp = contentSecurityPolicy(options.devServerUrl)
  session.defaultSession.webRequest.onHeadersReceived(
    { urls: ['http://*/*', 'https://*/*'] },
    (details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
      })
    },
  )
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && options.isTrusted(contents.getURL()))
  })
  session.defaultSession.setPermissionCheckHandler((contents, permission) => {
    return (
      ALLOWED_PERMISSIONS.has(permission) &&
      contents !== null &&
      options.isTrusted(contents.getURL())
    )
  })
}

function guardContents(contents: WebContents, isTrusted: (url: string) => boolean): void {
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.on('will-navigate', (event) => {
    if (isTrusted(event.url)) return
    event.preventDefault()
    openExternally(event.url)
  })
  contents.on('will-redirect', (event) => {
    if (!isTrusted(event.url)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url)
    return { action: 'deny' }
  })
}

function openExternally(url: string): void {
  if (!isExternalHttpsUrl(url)) return
  shell
    .openExternal(url)
    .catch((error: unknown) => console.error('[desktop] openExternal failed:', error))
}
