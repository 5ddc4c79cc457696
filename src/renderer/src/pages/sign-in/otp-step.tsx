import { Button, Checkbox, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { verifyOtpInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { useFormState } from '../../forms/use-form-state'
import { CodeInput, CodeStepFooter } from './code-parts'
import { useCountdown } from './use-countdown'

export interface Challenge {
  challenge: string
  to: string | null
  resendAt: string
}

interface Props {
  challenge: Challenge
  onSignedIn: (result: { token: string; mustChangePassword: boolean; deviceToken?: string }) => void
  onBack: () => void
}

/** The second step of a sign-in: the WhatsApp code, a resend after 60 s, "remember this device". */
export function OtpStep({ challenge: first, onSignedIn, onBack }: Props) {
  const { t } = useTranslation()
  const [challenge, setChallenge] = useState(first)
  const form = useFormState({ code: '', trustDevice: false })
  const wait = useCountdown(challenge.resendAt)
  const verify = useMutation(
    trpc.auth.verifyOtp.mutationOptions({
      onSuccess: onSignedIn,
      onError: (error) => form.showServerError(error, { OTP_INVALID: 'code', OTP_EXPIRED: 'code' }),
    }),
  )
  const resend = useMutation(
    trpc.auth.resendOtp.mutationOptions({
      onSuccess: (next) => {
        setChallenge({ challenge: next.challenge, to: next.to, resendAt: next.resendAt })
        form.setValue('code', '')
        notifications.show({ color: 'teal', message: t('otp.resent') })
      },
      onError: (error) => form.showServerError(error),
    }),
  )
  const submit = () => {
    const input = { challenge: challenge.challenge, ...form.values, code: form.values.code.trim() }
    if (form.validate(verifyOtpInput, input)) verify.mutate(input)
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
        <Text size="sm" data-testid="otp-sent-to">
          {t('otp.sentTo', { to: challenge.to ?? '' })}
        </Text>
        <CodeInput {...form.text('code')} />
        <Checkbox
          label={t('otp.trust')}
          description={t('otp.trustHint')}
          checked={form.values.trustDevice}
          onChange={(e) => form.setValue('trustDevice', e.currentTarget.checked)}
        />
        <FormAlert error={form.serverError} />
        <Button type="submit" loading={verify.isPending} fullWidth>
          {t('otp.submit')}
        </Button>
        <CodeStepFooter
          backLabel={t('otp.back')}
          onBack={onBack}
          wait={wait}
          resending={resend.isPending}
          onResend={() => resend.mutate({ challenge: challenge.challenge })}
        />
      </Stack>
    </form>
  )
}
