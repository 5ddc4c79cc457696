import { Alert, Button, PasswordInput, Stack } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconMailForward } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { passwordResetInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { useFormState } from '../../forms/use-form-state'
import { CodeInput, CodeStepFooter } from './code-parts'
import { useCountdown } from './use-countdown'

interface Props {
  username: string
  started: { challenge: string; resendAt: string }
  /** Back to the username (a typo, or no code came). */
  onRestart: () => void
}

/** The code from WhatsApp or e-mail and the new password; success returns to sign-in. */
export function ResetCodeStep({ username, started, onRestart }: Props) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [challenge, setChallenge] = useState(started)
  const form = useFormState({ code: '', newPassword: '', confirm: '' })
  const wait = useCountdown(challenge.resendAt)
  const reset = useMutation(
    trpc.auth.resetPassword.mutationOptions({
      onSuccess: () =>
        void navigate('/login', { replace: true, state: { passwordReset: username } }),
      onError: (error) =>
        form.showServerError(error, {
          OTP_INVALID: 'code',
          OTP_EXPIRED: 'code',
          PASSWORD_TOO_WEAK: 'newPassword',
        }),
    }),
  )
  const resend = useMutation(
    trpc.auth.resendPasswordReset.mutationOptions({
      onSuccess: (next) => {
        setChallenge({ challenge: next.challenge, resendAt: next.resendAt })
        form.setValue('code', '')
        notifications.show({ color: 'teal', message: t('otp.resent') })
      },
      onError: (error) => form.showServerError(error),
    }),
  )
  const submit = () => {
    const { confirm, ...rest } = form.values
    const input = { challenge: challenge.challenge, ...rest, code: rest.code.trim() }
    const valid = form.validate(passwordResetInput, input)
    const mismatch = confirm !== rest.newPassword
    if (mismatch) form.setFieldError('confirm', 'validation.password_mismatch')
    if (valid && !mismatch) reset.mutate(input)
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <Stack gap="md">
        <Alert color="teal" icon={<IconMailForward size={18} />} data-testid="reset-sent">
          {t('forgot.sent')}
        </Alert>
        <CodeInput {...form.text('code')} />
        <PasswordInput
          label={t('forgot.newPassword')}
          description={t('password.rule')}
          autoComplete="new-password"
          {...form.text('newPassword')}
        />
        <PasswordInput
          label={t('forgot.confirm')}
          autoComplete="new-password"
          {...form.text('confirm')}
        />
        <FormAlert error={form.serverError} />
        <Button type="submit" loading={reset.isPending} fullWidth>
          {t('forgot.submit')}
        </Button>
        <CodeStepFooter
          backLabel={t('forgot.restart')}
          onBack={onRestart}
          wait={wait}
          resending={resend.isPending}
          onResend={() => resend.mutate({ challenge: challenge.challenge })}
        />
        <Alert color="gray" variant="light" p="xs">
          {t('forgot.noCode')}
        </Alert>
      </Stack>
    </form>
  )
}
