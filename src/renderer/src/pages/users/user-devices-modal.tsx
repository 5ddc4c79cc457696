import { Modal } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { DevicesPanel } from '../devices/devices-panel'
import type { UserRow } from './types'

/** A superadmin's view of another user's "Perangkat aktif", to end a session they left open. */
export function UserDevicesModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal opened onClose={onClose} size={1040} title={t('devices.userTitle', { name: user.name })}>
      <DevicesPanel scope={{ kind: 'user', userId: user.id, name: user.name }} />
    </Modal>
  )
}
