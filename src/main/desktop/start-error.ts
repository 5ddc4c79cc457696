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

/** A client's host did not answer: "Coba lagi" (true) or "Keluar" (false). */
export function askRetryHost(message: string): boolean {
  const choice = dialog.showMessageBoxSync({
    type: 'warning',
    title: 'Loket',
    message,
    buttons: ['Coba lagi / Retry', 'Keluar / Quit'],
    defaultId: 0,
    cancelId: 1,
  })
  return choice === 0
}
