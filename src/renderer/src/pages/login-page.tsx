import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core'
import { IconCircleCheck, IconClockExclamation } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useLocation, useNavigate } from 'react-router'
import { loginInput } from '@shared/schemas'
import { signIn, trpc } from '../api/client'
import { getDeviceToken, setDeviceToken } from '../api/device-token'
import { ENDED_ELSEWHERE, endedBecause, useToken } from '../api/token'
import { FormAlert } from '../components/form-alert'
import { PublicLayout } from '../components/public-layout'
import { useFormState } from '../forms/use-form-state'
import { OtpStep, type Challenge } from './sign-in/otp-step'

export function LoginPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const token = useToken()
  // Back from "Lupa kata sandi" with a new password: say so, and fill in the username.
  const state = useLocation().state as { passwordReset?: string; from?: string } | null
  const resetFor = state?.passwordReset
  // The page a signed-out visit asked for (RequireSession): /lapangan on a technician's phone.
  const from = state?.from?.startsWith('/') && !state.from.startsWith('//') ? state.from : '/'
  const form = useFormState({ username: resetFor ?? '', password: '' })
  // Why the last session ended matters until the user tries again, then the new answer does.
  const [attempted, setAttempted] = useState(false)
  // The company's 2FA rule asked for a code after the right password.
  const [challenge, setChallenge] = useState<Challenge | null>(null)
  const enter = (result: { token: string; mustChangePassword: boolean; deviceToken?: string }) => {
    if (result.deviceToken) setDeviceToken(form.values.username, result.deviceToken)
    signIn(result.token)
    void navigate(result.mustChangePassword ? '/change-password' : from, { replace: true })
  }
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (result) => {
        if (result.otpRequired) setChallenge(result)
        else enter(result)
      },
      onError: (error) => form.showServerError(error),
    }),
  )
  // Already signed in (another tab, a reload): the session guard decides whether that still holds.
  if (token && !login.isPending) return <Navigate to={from} replace />
  const reason = endedBecause()

  if (challenge) {
    return (
      <PublicLayout title={t('otp.title')}>
        <OtpStep
          challenge={challenge}
          onSignedIn={enter}
          onBack={() => {
            setChallenge(null)
            form.setValue('password', '')
          }}
        />
      </PublicLayout>
    )
  }

  return (
    <PublicLayout title={t('login.title')}>
      {resetFor && !attempted && (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="password-reset-done">
          {t('forgot.done')}
        </Alert>
      )}
      {reason && !resetFor && !attempted && (
        <Alert color="orange" icon={<IconClockExclamation size={18} />} data-testid="session-ended">
          {reason === ENDED_ELSEWHERE ? t('devices.endedElsewhere') : t(`errors.${reason}`)}
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          setAttempted(true)
          if (form.validate(loginInput, form.values)) {
            login.mutate({ ...form.values, deviceToken: getDeviceToken(form.values.username) })
          }
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t('fields.username')}
            autoComplete="username"
            autoCapitalize="none"
            autoFocus={!resetFor}
            {...form.text('username')}
          />
          <PasswordInput
            label={t('fields.password')}
            autoComplete="current-password"
            autoFocus={!!resetFor}
            {...form.text('password')}
          />
          <FormAlert error={form.serverError} />
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('login.submit')}
          </Button>
          <Group justify="center">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('forgot.link')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </PublicLayout>
  )
}
