import { dialog } from 'electron'
import { startErrorMessage, type LanBinding } from './startup'

export function showStartError(error: unknown, lan?: LanBinding): void {
  console.error('[desktop] start failed:', error)
  dialog.showErrorBox(
    'Loket tidak dapat dimulai / Loket could not start',
    startErrorMessage(error, lan),
  )
}
