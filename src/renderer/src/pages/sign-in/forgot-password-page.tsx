import { Anchor, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { passwordResetRequestInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { PublicLayout } from '../../components/public-layout'
import { useFormState } from '../../forms/use-form-state'
import { ResetCodeStep } from './reset-code-step'

type Channel = 'whatsapp' | 'email'

/**
 * "Lupa kata sandi": a username and the preferred way, then the code with a new password. The
 * answer is the same for every username, so this page never says whether an account exists.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation()
  const form = useFormState({ username: '', channel: 'whatsapp' as Channel })
  const [started, setStarted] = useState<{ challenge: string; resendAt: string } | null>(null)
  const request = useMutation(
    trpc.auth.requestPasswordReset.mutationOptions({
      onSuccess: (answer) => setStarted(answer),
      onError: (error) => form.showServerError(error),
    }),
  )
  return (
    <PublicLayout title={t('forgot.title')}>
      {started ? (
        <ResetCodeStep
          username={form.values.username.trim()}
          started={started}
          onRestart={() => setStarted(null)}
        />
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            if (form.validate(passwordResetRequestInput, form.values)) request.mutate(form.values)
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t('forgot.intro')}</Text>
            <TextInput
              label={t('fields.username')}
              autoComplete="username"
              autoCapitalize="none"
              autoFocus
              {...form.text('username')}
            />
            <Radio.Group
              label={t('forgot.channel')}
              description={t('forgot.channelHint')}
              value={form.values.channel}
              onChange={(value) => form.setValue('channel', value as Channel)}
            >
              <Group gap="lg" mt={6}>
                <Radio value="whatsapp" label={t('forgot.byWhatsapp')} />
                <Radio value="email" label={t('forgot.byEmail')} />
              </Group>
            </Radio.Group>
            <FormAlert error={form.serverError} />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('forgot.send')}
            </Button>
            <Group justify="center">
              <Anchor component={Link} to="/login" size="sm">
                {t('forgot.back')}
              </Anchor>
            </Group>
          </Stack>
        </form>
      )}
    </PublicLayout>
  )
}
