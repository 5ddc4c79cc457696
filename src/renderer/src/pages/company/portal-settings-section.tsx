import { Alert, Stack, Switch, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PortalSettings } from '@shared/schemas'
import { queryClient, trpc } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { useSession } from '../../session/session'
import { SaveButton, SettingsSection } from './settings-section'

/** The customer portal: Daftar (self-registration, off by default) and the support contacts. */
export function PortalSettingsSection({ editable }: { editable: boolean }) {
  const { t } = useTranslation()
  const { moduleOn } = useSession()
  const on = moduleOn('portal')
  const settings = useQuery(trpc.company.portalSettings.queryOptions(undefined, { enabled: on }))
  if (!on) return null
  return (
    <SettingsSection
      testId="portal-settings"
      title={t('company.portal.title')}
      intro={t('company.portal.intro')}
      query={settings}
    >
      {(data) => <PortalSettingsForm settings={data} editable={editable} />}
    </SettingsSection>
  )
}

function PortalSettingsForm({
  settings,
  editable,
}: {
  settings: PortalSettings
  editable: boolean
}) {
  const { t } = useTranslation()
  const [selfRegistration, setSelfRegistration] = useState(settings.selfRegistration)
  const [whatsapp, setWhatsapp] = useState(settings.supportWhatsapp ?? '')
  const [hours, setHours] = useState(settings.supportHours ?? '')
  const save = useMutation(
    trpc.company.savePortalSettings.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.company.portalSettings.queryKey(), saved)
        notifications.show({ color: 'teal', message: t('company.portal.saved') })
      },
    }),
  )
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate({ selfRegistration, supportWhatsapp: whatsapp, supportHours: hours })
      }}
    >
      <Stack>
        <Switch
          label={t('company.portal.selfRegistration')}
          description={t('company.portal.selfRegistrationHint')}
          checked={selfRegistration}
          disabled={!editable}
          onChange={(e) => setSelfRegistration(e.currentTarget.checked)}
        />
        <TextInput
          label={t('company.portal.supportWhatsapp')}
          inputMode="tel"
          value={whatsapp}
          disabled={!editable}
          onChange={(e) => setWhatsapp(e.currentTarget.value)}
        />
        <TextInput
          label={t('company.portal.supportHours')}
          placeholder="Senin–Sabtu 08.00–17.00"
          value={hours}
          maxLength={120}
          disabled={!editable}
          onChange={(e) => setHours(e.currentTarget.value)}
        />
        {save.error && <Alert color="red">{errorMessage(t, save.error)}</Alert>}
        <SaveButton editable={editable} saving={save.isPending} />
      </Stack>
    </form>
  )
}
