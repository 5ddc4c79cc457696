import { dialog } from 'electron'
import { startErrorMessage, type LanBinding } from './startup'

export function showStartError(error: unknown, lan?: LanBinding): void {
  console.error('[desktop] start failed:', error)
  dialog.showErrorBox(
    'Loket tidak dapat dimulai / Loket could not start',
    startErrorMessage(error, lan),
  )
}

/** Loket started, but not as asked (an unreadable mode.json): say so before the window opens. */
export function showStartWarning(message: string): void {
  console.warn('[desktop]', message)
  dialog.showMessageBoxSync({ type: 'warning', title: 'Loket', message })
}
