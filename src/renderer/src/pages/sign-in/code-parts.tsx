import { Anchor, Button, Group, TextInput, type TextInputProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The 6-digit code box of a sign-in or reset step: digits, spaced, filled by the phone's offer. */
export function CodeInput(props: TextInputProps) {
  const { t } = useTranslation()
  return (
    <TextInput
      label={t('otp.code')}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      autoFocus
      styles={{ input: { letterSpacing: '0.4em', fontSize: 'var(--mantine-font-size-lg)' } }}
      {...props}
    />
  )
}

/** A way back, and "Kirim ulang kode" that counts down the seconds until a new code may go. */
export function CodeStepFooter({
  backLabel,
  onBack,
  wait,
  resending,
  onResend,
}: {
  backLabel: string
  onBack: () => void
  wait: number
  resending: boolean
  onResend: () => void
}) {
  const { t } = useTranslation()
  return (
    <Group justify="space-between">
      <Anchor component="button" type="button" size="sm" onClick={onBack}>
        {backLabel}
      </Anchor>
      <Button
        variant="subtle"
        size="compact-sm"
        disabled={wait > 0}
        loading={resending}
        onClick={onResend}
      >
        {wait > 0 ? t('otp.resendIn', { seconds: wait }) : t('otp.resend')}
      </Button>
    </Group>
  )
}
