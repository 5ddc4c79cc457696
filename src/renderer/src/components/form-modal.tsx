import { Button, Group, Modal, Stack, type MantineSize } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FormAlert } from './form-alert'

interface Props {
  title: ReactNode
  size?: MantineSize | string
  onClose: () => void
  onSubmit: () => void
  /** The server's error for the whole form, shown above the buttons. */
  error: unknown
  saving: boolean
  submitLabel?: string
  submitColor?: string
  children: ReactNode
}

/**
 * The frame every form dialog shares: the modal, a form that submits on Enter without the
 * browser's own validation (the shared zod schemas validate), the server error, and
 * Cancel / Save buttons.
 */
export function FormModal(p: Props) {
  const { t } = useTranslation()
  return (
    <Modal opened onClose={p.onClose} title={p.title} size={p.size}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          p.onSubmit()
        }}
      >
        <Stack gap="md">
          {p.children}
          <FormAlert error={p.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={p.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={p.saving} color={p.submitColor}>
              {p.submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
