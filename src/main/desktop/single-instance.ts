import { app, type BrowserWindow } from 'electron'
import { focusWindow } from './window'

/**
 * One Loket per PC: a second start focuses the first window and exits, so two processes never
 * open the same database or fight over the LAN port. Returns false in the second instance.
 */
export function claimSingleInstance(currentWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) return false
  app.on('second-instance', () => focusWindow(currentWindow()))
  return true
}
