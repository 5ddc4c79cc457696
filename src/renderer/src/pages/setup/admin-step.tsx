import { Alert, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core'
import { IconKey, IconShieldCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { FormAlert } from '../../components/form-alert'
import type { FormState } from '../../forms/use-form-state'

export interface AdminFormValues {
  name: string
  username: string
  password: string
  passwordConfirm: string
  /** The host's one-time code; asked only when this PC is not the host (setup.status). */
  setupCode: string
}

export function AdminStep({
  form,
  onSubmit,
  onBack,
  pending,
  codeRequired,
}: {
  form: FormState<AdminFormValues>
  onSubmit: () => void
  onBack: () => void
  pending: boolean
  codeRequired: boolean
}) {
  const { t } = useTranslation()
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit()
      }}
    >
      <Stack gap="md" pt="md">
        <Alert color="teal" variant="light" icon={<IconShieldCheck size={18} />}>
          {t('setup.adminIntro')}
        </Alert>
        <TextInput
          label={t('fields.fullName')}
          required
          autoComplete="name"
          {...form.text('name')}
        />
        <TextInput
          label={t('fields.username')}
          required
          autoComplete="username"
          autoCapitalize="none"
          {...form.text('username')}
        />
        <PasswordInput
          label={t('fields.password')}
          description={t('password.rule')}
          required
          autoComplete="new-password"
          {...form.text('password')}
        />
        <PasswordInput
          label={t('fields.passwordConfirm')}
          required
          autoComplete="new-password"
          {...form.text('passwordConfirm')}
        />
        {codeRequired && (
          <TextInput
            label={t('setup.code')}
            description={t('setup.codeHint')}
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            leftSection={<IconKey size={16} />}
            maxLength={20}
            {...form.text('setupCode')}
          />
        )}
        <FormAlert error={form.serverError} />
        <Group justify="space-between">
          <Button variant="default" onClick={onBack} disabled={pending}>
            {t('common.back')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('setup.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
