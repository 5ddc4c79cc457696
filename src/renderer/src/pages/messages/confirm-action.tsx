import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FormAlert } from '../../components/form-alert'

interface Props {
  title: string
  body: ReactNode
  confirmLabel: string
  color?: string
  loading: boolean
  error: unknown
  onConfirm: () => void
  onClose: () => void
}

/** Asks before messages are sent, re-sent or cancelled; Cancel takes the focus first. */
export function ConfirmAction(p: Props) {
  const { t } = useTranslation()
  return (
    <Modal opened onClose={p.onClose} title={p.title}>
      <Stack gap="md">
        <Text fz="sm" component="div">
          {p.body}
        </Text>
        <FormAlert error={p.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={p.onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={p.color} loading={p.loading} onClick={p.onConfirm}>
            {p.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
