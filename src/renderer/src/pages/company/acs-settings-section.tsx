import { Alert, Button, Group, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCircleCheck, IconEye, IconPlugConnected } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { acsSettingsInput } from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import { FormAlert } from '../../components/form-alert'
import { useFormState } from '../../forms/use-form-state'
import { useSession } from '../../session/session'
import { SaveButton, SettingsSection } from './settings-section'

interface Saved {
  url: string
  username: string
  hasPassword: boolean
}

/** The company's GenieACS NBI (shown while the OLT & ACS module is on). */
export function AcsSettingsSection() {
  const { t } = useTranslation()
  const { can, offModuleOf } = useSession()
  const off = offModuleOf('network.acs')
  const visible = !off && can('network.view')
  const settings = useQuery(trpc.acs.settings.queryOptions(undefined, { enabled: visible }))
  if (!visible) return null
  return (
    <SettingsSection
      testId="acs-settings"
      title={t('acs.settings.title')}
      intro={t('acs.settings.intro')}
      query={settings}
    >
      {(data) => <AcsSettingsForm saved={data} editable={can('network.manage')} />}
    </SettingsSection>
  )
}

function AcsSettingsForm({ saved, editable }: { saved: Saved; editable: boolean }) {
  const { t } = useTranslation()
  const form = useFormState({ url: saved.url, username: saved.username, password: '' })
  const [tested, setTested] = useState<number | null>(null)
  const save = useMutation(
    trpc.acs.saveSettings.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.acs.settings.queryKey(), next)
        form.reset({ url: next.url, username: next.username, password: '' })
        notifications.show({ color: 'teal', message: t('acs.settings.saved') })
      },
      onError: (error) => form.showServerError(error),
    }),
  )
  const test = useMutation(
    trpc.acs.testSettings.mutationOptions({
      onSuccess: (r) => setTested(r.devices),
      onError: (error) => {
        setTested(null)
        form.showServerError(error)
      },
    }),
  )
  const valid = () => {
    setTested(null)
    return form.validate(acsSettingsInput, form.values)
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        if (valid()) save.mutate(acsSettingsInput.parse(form.values))
      }}
    >
      <Stack gap="md">
        {!editable && (
          <Alert color="gray" icon={<IconEye size={18} />}>
            {t('acs.settings.readOnly')}
          </Alert>
        )}
        <TextInput
          label={t('acs.settings.url')}
          placeholder={t('acs.settings.urlPlaceholder')}
          readOnly={!editable}
          data-testid="acs-url"
          {...form.text('url')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('acs.settings.username')}
            autoComplete="off"
            readOnly={!editable}
            {...form.text('username')}
          />
          <PasswordInput
            label={t('acs.settings.password')}
            description={saved.hasPassword ? t('acs.settings.passwordKeep') : undefined}
            autoComplete="new-password"
            readOnly={!editable}
            disabled={!form.values.username}
            {...form.text('password')}
          />
        </SimpleGrid>
        {tested !== null && (
          <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="acs-test-ok">
            {t('acs.settings.testOk', { count: tested })}
          </Alert>
        )}
        <FormAlert error={form.serverError} />
        {editable && (
          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconPlugConnected size={16} />}
              loading={test.isPending}
              onClick={() => {
                if (valid()) test.mutate(acsSettingsInput.parse(form.values))
              }}
            >
              {t('acs.settings.test')}
            </Button>
            <SaveButton editable={editable} saving={save.isPending} />
          </Group>
        )}
      </Stack>
    </form>
  )
}
