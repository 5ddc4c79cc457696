import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { userResetPasswordInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { useFormState } from '../../forms/use-form-state'
import type { UserRow } from './types'
import { refreshUsers } from './refresh-users'

/** A temporary password for someone who forgot theirs; they must replace it at sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useFormState({ password: '' })
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('users.resetDone', { name: user.name }) })
        refreshUsers()
        onClose()
      },
      onError: (error) => form.showServerError(error, { PASSWORD_TOO_WEAK: 'password' }),
    }),
  )
  return (
    <Modal opened onClose={onClose} title={t('users.resetTitle', { name: user.name })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          const input = { id: user.id, password: form.values.password }
          if (form.validate(userResetPasswordInput, input)) reset.mutate(input)
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('users.resetHint')}</Text>
          <PasswordInput
            label={t('users.newTempPassword')}
            description={t('password.rule')}
            autoComplete="new-password"
            data-autofocus
            {...form.text('password')}
          />
          <FormAlert error={form.serverError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reset.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
