import { Alert, PasswordInput, Text, TextInput } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { cpeWifiInput } from '@shared/schemas'
import { trpc } from '../../api/client'
import { FormModal } from '../../components/form-modal'
import { useFormState } from '../../forms/use-form-state'
import type { CpeActionRow, CpeDeviceRow } from './types'

/** "Ubah WiFi": the new SSID and WPA2 password, checked here and again by the server. */
export function CpeWifiModal({
  customerId,
  device,
  onClose,
  onDone,
}: {
  customerId: number
  device: CpeDeviceRow
  onClose: () => void
  onDone: (result: CpeActionRow) => void
}) {
  const { t } = useTranslation()
  const form = useFormState({ ssid: device.ssid ?? '', password: '' })
  const send = useMutation(
    trpc.acs.setWifi.mutationOptions({
      onSuccess: onDone,
      onError: (error) => form.showServerError(error),
    }),
  )
  const submit = () => {
    const input = { customerId, deviceId: device.deviceId, ...form.values }
    if (form.validate(cpeWifiInput, input)) send.mutate(input)
  }
  return (
    <FormModal
      title={t('acs.card.wifiTitle', { device: device.model ?? device.deviceId })}
      onClose={onClose}
      onSubmit={submit}
      error={form.serverError}
      saving={send.isPending}
      submitLabel={t('acs.card.wifiSubmit')}
    >
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />}>
        <Text fz="sm">{t('acs.card.wifiIntro')}</Text>
      </Alert>
      <TextInput
        label={t('acs.card.wifiSsid')}
        maxLength={32}
        data-autofocus
        data-testid="wifi-ssid"
        {...form.text('ssid')}
      />
      <PasswordInput
        label={t('acs.card.wifiPassword')}
        description={t('acs.card.wifiPasswordHint')}
        autoComplete="new-password"
        data-testid="wifi-password"
        {...form.text('password')}
      />
    </FormModal>
  )
}
