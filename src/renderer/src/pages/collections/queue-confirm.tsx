import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReminderFilter } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'

export interface QueueOutcome {
  queued: number
  skipped: number
  duplicates: number
}

/**
 * Asks before queueing. One client id per dialog: a double click, or a retry after a dropped
 * answer, queues each customer once.
 */
export function QueueConfirm({
  filter,
  send,
  skip,
  onClose,
  onDone,
}: {
  filter: ReminderFilter
  send: number
  skip: number
  onClose: () => void
  onDone: (outcome: QueueOutcome) => void
}) {
  const { t } = useTranslation()
  const [clientId] = useState(() => crypto.randomUUID())
  const queue = useMutation(
    trpc.collections.queueReminders.mutationOptions({
      onSuccess: (r) => onDone({ queued: r.queued, skipped: r.skipped, duplicates: r.duplicates }),
    }),
  )
  return (
    <Modal opened onClose={onClose} title={t('collections.reminders.confirmTitle')}>
      <Stack gap="md">
        <Text fz="sm">{t('collections.reminders.confirmBody', { send, skip })}</Text>
        <FormAlert error={queue.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            loading={queue.isPending}
            onClick={() => queue.mutate({ ...filter, clientId })}
            data-testid="reminders-confirm"
          >
            {t('collections.reminders.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
