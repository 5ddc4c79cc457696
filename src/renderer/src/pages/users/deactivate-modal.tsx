import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import type { UserRow } from './types'
import { refreshUsers } from './refresh-users'

/** Deactivation ends every session of the user at once, so it is confirmed first. */
export function DeactivateModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { t } = useTranslation()
  const deactivate = useMutation(
    trpc.users.deactivate.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('users.deactivated', { name: user.name }) })
        refreshUsers()
        onClose()
      },
    }),
  )
  return (
    <Modal opened onClose={onClose} title={t('users.deactivateTitle', { name: user.name })}>
      <Stack gap="md">
        <Text size="sm">{t('users.deactivateBody', { name: user.name })}</Text>
        <FormAlert error={deactivate.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={deactivate.isPending}
            onClick={() => deactivate.mutate({ id: user.id })}
          >
            {t('users.deactivate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
