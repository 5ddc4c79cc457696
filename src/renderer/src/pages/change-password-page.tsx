import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconShieldLock } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { changePasswordInput } from '@shared/schemas'
import { queryClient, signOut, trpc } from '../api/client'
import { FormAlert } from '../components/form-alert'
import { PublicLayout } from '../components/public-layout'
import { useFormState } from '../forms/use-form-state'
import { useSession, type Me } from '../session/session'

/** Forced after an admin reset (or a new account); also opened from the user menu. */
export function ChangePasswordPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { me } = useSession()
  const forced = me.user.mustChangePassword
  const form = useFormState({ currentPassword: '', newPassword: '', confirm: '' })
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        // Clear the flag at once so the guard lets the user through before the refetch lands.
        queryClient.setQueryData(trpc.auth.me.queryKey(), (old: Me | undefined) =>
          old ? { ...old, user: { ...old.user, mustChangePassword: false } } : old,
        )
        void queryClient.invalidateQueries(trpc.auth.me.queryFilter())
        notifications.show({ color: 'teal', message: t('changePassword.done') })
        void navigate('/', { replace: true })
      },
      onError: (error) =>
        form.showServerError(error, {
          AUTH_INVALID_CREDENTIALS: 'currentPassword',
          PASSWORD_REUSED: 'newPassword',
          PASSWORD_TOO_WEAK: 'newPassword',
        }),
    }),
  )
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      meta: { ownAuthHandling: true },
      onSettled: () => signOut(),
    }),
  )

  const submit = () => {
    const { confirm, ...input } = form.values
    const valid = form.validate(changePasswordInput, input)
    const mismatch = confirm !== input.newPassword
    if (mismatch) form.setFieldError('confirm', 'validation.password_mismatch')
    if (valid && !mismatch) change.mutate(input)
  }

  return (
    <PublicLayout title={t('changePassword.title')}>
      {forced && (
        <Alert
          color="orange"
          icon={<IconShieldLock size={18} />}
          data-testid="password-change-forced"
        >
          {t('changePassword.forced')}
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <Stack gap="md">
          <PasswordInput
            label={t('changePassword.current')}
            autoComplete="current-password"
            autoFocus
            {...form.text('currentPassword')}
          />
          <PasswordInput
            label={t('changePassword.new')}
            description={t('password.rule')}
            autoComplete="new-password"
            {...form.text('newPassword')}
          />
          <PasswordInput
            label={t('changePassword.confirm')}
            autoComplete="new-password"
            {...form.text('confirm')}
          />
          <FormAlert error={form.serverError} />
          <Group justify="space-between">
            {forced ? (
              <Button
                variant="subtle"
                color="gray"
                onClick={() => logout.mutate()}
                loading={logout.isPending}
              >
                {t('header.logout')}
              </Button>
            ) : (
              <Button variant="default" component={Link} to="/">
                {t('common.back')}
              </Button>
            )}
            <Button type="submit" loading={change.isPending}>
              {t('changePassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </PublicLayout>
  )
}
